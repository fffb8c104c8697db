import { describe, expect, test } from 'vitest';
import { seen } from '../../../../src/core/observed.js';
import { runCheck, statuses } from '../../../support/checks.js';
import check from '../../../../checks/aws/s3/aws-s3-bucket-acl-not-public.js';
import { BLOCK_ALL, deniedFact, listingOf, OWNER_ONLY_ACL, s3AccountBlock, s3Bucket } from '../../../fixtures/aws.js';

const allUsersRead = seen([...OWNER_ONLY_ACL, { granteeType: 'Group', granteeUri: 'http://acs.amazonaws.com/groups/global/AllUsers', granteeId: null, permission: 'READ' }]);

describe(check.id, () => {
  test('public grants FAIL unless IgnorePublicAcls is in force', () => {
    const results = runCheck(check, [
      listingOf('aws.s3.account-public-access-block', [s3AccountBlock(null)]),
      listingOf('aws.s3.bucket', [
        s3Bucket('private'),
        s3Bucket('public', { aclGrants: allUsersRead, publicAccessBlock: seen(null) }),
        s3Bucket('public-but-ignored', { aclGrants: allUsersRead }),
        s3Bucket('denied', { aclGrants: deniedFact('s3:GetBucketAcl') }),
      ]),
    ]);
    expect(statuses(results)).toEqual([['private', 'PASS'], ['public', 'FAIL'], ['public-but-ignored', 'PASS'], ['denied', 'ERROR']]);
    expect(results[1]?.evidence).toMatchObject({ publicGrants: [{ permission: 'READ' }], ignorePublicAcls: false });
  });

  test('ACLs disabled by Object Ownership PASS without reading the ACL', () => {
    const results = runCheck(check, [
      listingOf('aws.s3.bucket', [s3Bucket('enforced', { aclGrants: seen(null), objectOwnership: seen('BucketOwnerEnforced'), publicAccessBlock: seen(null) })]),
    ]);
    expect(statuses(results)).toEqual([['enforced', 'PASS']]);
    expect(results[0]?.evidence).toMatchObject({ objectOwnership: 'BucketOwnerEnforced' });
  });

  test('the account block neutralises public grants too; NOT_APPLICABLE without buckets', () => {
    const results = runCheck(check, [
      listingOf('aws.s3.account-public-access-block', [s3AccountBlock(BLOCK_ALL)]),
      listingOf('aws.s3.bucket', [s3Bucket('public', { aclGrants: allUsersRead, publicAccessBlock: seen(null) })]),
    ]);
    expect(results[0]?.status).toBe('PASS');
    expect(runCheck(check, [listingOf('aws.s3.bucket', [])])[0]?.status).toBe('NOT_APPLICABLE');
  });
});

import { describe, expect, test } from 'vitest';
import { seen } from '../../../../src/core/observed.js';
import { runCheck, statuses } from '../../../support/checks.js';
import check from '../../../../checks/aws/s3/aws-s3-bucket-policy-not-public.js';
import { deniedFact, listingOf, s3AccountBlock, s3Bucket } from '../../../fixtures/aws.js';

describe(check.id, () => {
  test('no policy or a private one PASS, a public one FAILs unless RestrictPublicBuckets applies, unknown status ERRORs', () => {
    const results = runCheck(check, [
      listingOf('aws.s3.account-public-access-block', [s3AccountBlock(null)]),
      listingOf('aws.s3.bucket', [
        s3Bucket('no-policy'),
        s3Bucket('private-policy', { policyStatus: seen({ isPublic: false }) }),
        s3Bucket('public-policy', { policyStatus: seen({ isPublic: true }), publicAccessBlock: seen(null) }),
        s3Bucket('public-restricted', { policyStatus: seen({ isPublic: true }) }),
        s3Bucket('denied', { policyStatus: deniedFact('s3:GetBucketPolicyStatus') }),
      ]),
    ]);
    expect(statuses(results)).toEqual([
      ['no-policy', 'PASS'], ['private-policy', 'PASS'], ['public-policy', 'FAIL'], ['public-restricted', 'PASS'], ['denied', 'ERROR'],
    ]);
    expect(results[2]?.evidence).toEqual({ hasPolicy: true, isPublic: true, restrictPublicBuckets: false });
  });

  test('NOT_APPLICABLE without buckets', () => {
    expect(runCheck(check, [listingOf('aws.s3.bucket', [])])[0]?.status).toBe('NOT_APPLICABLE');
  });
});

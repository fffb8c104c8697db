import { describe, expect, test } from 'vitest';
import { seen } from '../../../../src/core/observed.js';
import { runCheck, statuses } from '../../../support/checks.js';
import check from '../../../../checks/aws/s3/aws-s3-bucket-public-access-blocked.js';
import { BLOCK_ALL, deniedFact, failedListingOf, listingOf, s3AccountBlock, s3Bucket } from '../../../fixtures/aws.js';

describe(check.id, () => {
  const buckets = [
    s3Bucket('own-block'),
    s3Bucket('no-block', { publicAccessBlock: seen(null) }),
    s3Bucket('partial', { publicAccessBlock: seen({ ...BLOCK_ALL, blockPublicPolicy: false }) }),
    s3Bucket('denied', { publicAccessBlock: deniedFact('s3:GetBucketPublicAccessBlock') }),
  ];

  test('without an account block, each bucket stands on its own settings', () => {
    const results = runCheck(check, [listingOf('aws.s3.account-public-access-block', [s3AccountBlock(null)]), listingOf('aws.s3.bucket', buckets)]);
    expect(statuses(results)).toEqual([['own-block', 'PASS'], ['no-block', 'FAIL'], ['partial', 'FAIL'], ['denied', 'ERROR']]);
    expect(results[2]?.evidence).toMatchObject({ off: ['blockPublicPolicy'] });
  });

  test('an account block covers every bucket', () => {
    const results = runCheck(check, [listingOf('aws.s3.account-public-access-block', [s3AccountBlock(BLOCK_ALL)]), listingOf('aws.s3.bucket', buckets)]);
    expect(results.map((r) => r.status)).toEqual(['PASS', 'PASS', 'PASS', 'ERROR']);
  });

  test('ERROR when the account block is unknown, NOT_APPLICABLE without buckets', () => {
    const results = runCheck(check, [failedListingOf('aws.s3.account-public-access-block', 's3:GetAccountPublicAccessBlock'), listingOf('aws.s3.bucket', [s3Bucket('b')])]);
    expect(results[0]?.status).toBe('ERROR');
    expect(runCheck(check, [listingOf('aws.s3.bucket', [])])[0]?.status).toBe('NOT_APPLICABLE');
  });
});

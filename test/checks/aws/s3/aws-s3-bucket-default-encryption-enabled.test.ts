import { describe, expect, test } from 'vitest';
import { seen } from '../../../../src/core/observed.js';
import { runCheck, statuses } from '../../../support/checks.js';
import check from '../../../../checks/aws/s3/aws-s3-bucket-default-encryption-enabled.js';
import { deniedFact, listingOf, s3Bucket } from '../../../fixtures/aws.js';

const sseS3 = seen({ sseAlgorithm: 'AES256', kmsMasterKeyId: null, bucketKeyEnabled: false });

describe(check.id, () => {
  const buckets = [
    s3Bucket('kms'),
    s3Bucket('sse-s3', { encryption: sseS3 }),
    s3Bucket('payments-ledger', { encryption: sseS3 }),
    s3Bucket('none', { encryption: seen(null) }),
    s3Bucket('denied', { encryption: deniedFact('s3:GetBucketEncryption') }),
  ];

  test('SSE-S3 passes unless the bucket is critical; no rule FAILs; denied is ERROR', () => {
    const results = runCheck(check, [listingOf('aws.s3.bucket', buckets)], { policy: { criticalResources: ['payments-*'] } });
    expect(statuses(results)).toEqual([['kms', 'PASS'], ['sse-s3', 'PASS'], ['payments-ledger', 'FAIL'], ['none', 'FAIL'], ['denied', 'ERROR']]);
    expect(results[2]?.evidence).toEqual({ sseAlgorithm: 'AES256', kmsMasterKeyId: null, kmsRequired: true });
    expect(results[4]?.error).toMatchObject({ code: 'ACCESS_DENIED', operation: 's3:GetBucketEncryption' });
  });

  test('requireKms applies to every bucket', () => {
    expect(runCheck(check, [listingOf('aws.s3.bucket', buckets)], { params: { requireKms: true } })[1]?.status).toBe('FAIL');
  });

  test('NOT_APPLICABLE without buckets', () => {
    expect(runCheck(check, [listingOf('aws.s3.bucket', [])])[0]?.status).toBe('NOT_APPLICABLE');
  });
});

import { describe, expect, test } from 'vitest';
import { seen } from '../../../../src/core/observed.js';
import { expectNotAssessed, runCheck, statuses } from '../../../support/checks.js';
import check from '../../../../checks/aws/s3/aws-s3-bucket-versioning-enabled.js';
import { deniedFact, listingOf, s3Bucket, VERSIONING_OFF } from '../../../fixtures/aws.js';

describe(check.id, () => {
  const buckets = [
    s3Bucket('ledger-versioned'),
    s3Bucket('ledger-off', { versioning: seen(VERSIONING_OFF) }),
    s3Bucket('ledger-suspended', { versioning: seen({ status: 'Suspended', mfaDelete: null }) }),
    s3Bucket('ledger-denied', { versioning: deniedFact('s3:GetBucketVersioning') }),
    s3Bucket('scratch', { versioning: seen(VERSIONING_OFF) }),
  ];

  test('critical buckets must be versioned; others are NOT_APPLICABLE', () => {
    const results = runCheck(check, [listingOf('aws.s3.bucket', buckets)], { policy: { criticalResources: ['ledger-*'] } });
    expect(statuses(results)).toEqual([
      ['ledger-versioned', 'PASS'], ['ledger-off', 'FAIL'], ['ledger-suspended', 'FAIL'], ['ledger-denied', 'ERROR'], ['scratch', 'NOT_APPLICABLE'],
    ]);
    expect(results[2]?.evidence).toEqual({ critical: true, versioning: 'Suspended' });
  });

  test('allBuckets extends the duty to every bucket', () => {
    expect(runCheck(check, [listingOf('aws.s3.bucket', buckets)], { params: { allBuckets: true } })[4]?.status).toBe('FAIL');
  });

  test('NOT_ASSESSED while policy.criticalResources is empty and allBuckets is off', () => {
    expectNotAssessed(runCheck(check, [listingOf('aws.s3.bucket', buckets)]), 'policy.criticalResources');
  });
});

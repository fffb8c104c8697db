import { describe, expect, test } from 'vitest';
import { seen } from '../../../../src/core/observed.js';
import { expectNotAssessed, runCheck, statuses } from '../../../support/checks.js';
import check from '../../../../checks/aws/s3/aws-s3-bucket-object-lock-enabled.js';
import { deniedFact, failedListingOf, listingOf, s3Bucket } from '../../../fixtures/aws.js';

const policy = { criticalResources: ['backups-*', 'ledger'] };
const locked = seen({ enabled: true, defaultRetention: { mode: 'COMPLIANCE', days: 35, years: null } });

describe(check.id, () => {
  test('critical buckets need Object Lock; others are NOT_APPLICABLE; an unreadable configuration is ERROR', () => {
    const results = runCheck(check, [
      listingOf('aws.s3.bucket', [
        s3Bucket('backups-daily', { objectLock: locked }),
        s3Bucket('ledger', { objectLock: seen(null) }),
        s3Bucket('backups-weekly', { objectLock: seen({ enabled: true, defaultRetention: null }) }),
        s3Bucket('web-assets', { objectLock: null }),
        s3Bucket('backups-denied', { objectLock: deniedFact('s3:GetObjectLockConfiguration') }),
      ]),
    ], { policy });
    expect(statuses(results)).toEqual([
      ['backups-daily', 'PASS'], ['ledger', 'FAIL'], ['backups-weekly', 'PASS'], ['web-assets', 'NOT_APPLICABLE'], ['backups-denied', 'ERROR'],
    ]);
    expect(results[0]?.evidence).toEqual({ critical: true, objectLockEnabled: true, defaultRetention: { mode: 'COMPLIANCE', days: 35, years: null } });
    expect(results[1]?.evidence).toEqual({ critical: true, objectLockEnabled: false, defaultRetention: null });
    expect(results[3]?.evidence).toEqual({ critical: false });
    expect(results[4]?.error?.operation).toBe('s3:GetObjectLockConfiguration');
  });

  test('a critical bucket whose configuration was never collected is a check ERROR, not a pass', () => {
    expect(runCheck(check, [listingOf('aws.s3.bucket', [s3Bucket('ledger', { objectLock: null })])], { policy })[0]?.error?.origin).toBe('check');
  });

  test('ERROR for a failed ListBuckets, NOT_APPLICABLE for no buckets', () => {
    expect(runCheck(check, [failedListingOf('aws.s3.bucket', 's3:ListBuckets')], { policy })[0]?.status).toBe('ERROR');
    expect(runCheck(check, [listingOf('aws.s3.bucket', [])], { policy })[0]?.status).toBe('NOT_APPLICABLE');
  });

  test('NOT_ASSESSED while policy.criticalResources is empty', () => {
    expectNotAssessed(runCheck(check, [listingOf('aws.s3.bucket', [s3Bucket('ledger', { objectLock: null })])]), 'policy.criticalResources');
  });
});

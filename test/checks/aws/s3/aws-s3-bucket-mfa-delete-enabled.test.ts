import { describe, expect, test } from 'vitest';
import { seen } from '../../../../src/core/observed.js';
import { expectNotAssessed, runCheck, statuses } from '../../../support/checks.js';
import check from '../../../../checks/aws/s3/aws-s3-bucket-mfa-delete-enabled.js';
import { deniedFact, listingOf, s3Bucket } from '../../../fixtures/aws.js';

describe(check.id, () => {
  test('critical buckets need MFA Delete; others are NOT_APPLICABLE', () => {
    const results = runCheck(check, [
      listingOf('aws.s3.bucket', [
        s3Bucket('vault', { versioning: seen({ status: 'Enabled', mfaDelete: 'Enabled' }) }),
        s3Bucket('vault-2'),
        s3Bucket('vault-denied', { versioning: deniedFact('s3:GetBucketVersioning') }),
        s3Bucket('tmp'),
      ]),
    ], { policy: { criticalResources: ['vault*'] } });
    expect(statuses(results)).toEqual([['vault', 'PASS'], ['vault-2', 'FAIL'], ['vault-denied', 'ERROR'], ['tmp', 'NOT_APPLICABLE']]);
    expect(results[1]?.evidence).toEqual({ critical: true, versioning: 'Enabled', mfaDelete: 'Disabled' });
  });

  test('NOT_ASSESSED while policy.criticalResources is empty and allBuckets is off', () => {
    expectNotAssessed(runCheck(check, [listingOf('aws.s3.bucket', [s3Bucket('vault'), s3Bucket('tmp')])]), 'policy.criticalResources');
  });
});

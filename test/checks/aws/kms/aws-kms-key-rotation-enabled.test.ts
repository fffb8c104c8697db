import { describe, expect, test } from 'vitest';
import { seen } from '../../../../src/core/observed.js';
import { runCheck, statuses } from '../../../support/checks.js';
import check from '../../../../checks/aws/kms/aws-kms-key-rotation-enabled.js';
import { CUSTOMER_KEY, deniedFact, failedListingOf, kmsKey, listingOf } from '../../../fixtures/aws.js';

describe(check.id, () => {
  test('customer symmetric keys must rotate; AWS-managed and asymmetric keys are NOT_APPLICABLE; unknowns are ERROR', () => {
    const results = runCheck(check, [
      listingOf('aws.kms.key', [
        kmsKey('rotating'),
        kmsKey('static', { rotation: seen({ keyRotationEnabled: false, rotationPeriodInDays: null }) }),
        kmsKey('aws-managed', { metadata: seen({ ...CUSTOMER_KEY, keyManager: 'AWS' }), rotation: null }),
        kmsKey('signing', { metadata: seen({ ...CUSTOMER_KEY, keySpec: 'RSA_2048', keyUsage: 'SIGN_VERIFY' }), rotation: null }),
        kmsKey('no-describe', { metadata: deniedFact('kms:DescribeKey'), rotation: null }),
        kmsKey('no-rotation-status', { rotation: deniedFact('kms:GetKeyRotationStatus') }),
      ]),
    ]);
    expect(statuses(results)).toEqual([
      ['rotating', 'PASS'], ['static', 'FAIL'], ['aws-managed', 'NOT_APPLICABLE'], ['signing', 'NOT_APPLICABLE'], ['no-describe', 'ERROR'], ['no-rotation-status', 'ERROR'],
    ]);
    expect(results[1]?.evidence).toEqual({ keyRotationEnabled: false, rotationPeriodInDays: null });
    expect(results[4]?.error?.operation).toBe('kms:DescribeKey');
  });

  test('a key needing rotation whose status was never collected is a check ERROR, not a pass', () => {
    expect(runCheck(check, [listingOf('aws.kms.key', [kmsKey('gap', { rotation: null })])])[0]?.error?.origin).toBe('check');
  });

  test('ERROR for a failed ListKeys, NOT_APPLICABLE for no keys', () => {
    expect(runCheck(check, [failedListingOf('aws.kms.key', 'kms:ListKeys')])[0]?.status).toBe('ERROR');
    expect(runCheck(check, [listingOf('aws.kms.key', [])])[0]?.status).toBe('NOT_APPLICABLE');
  });
});

import { describe, expect, test } from 'vitest';
import { runCheck, statuses } from '../../../support/checks.js';
import { failed, gcp, list } from '../fixtures.js';
import check from '../../../../checks/gcp/kms/gcp-kms-crypto-key-rotation-enabled.js';

const T = 'gcp.kms.crypto-key';

describe('gcp-kms-crypto-key-rotation-enabled', () => {
  test('PASS at 90 days, FAIL at 365 days or without rotation', () => {
    const r = runCheck(check, [list(T, [gcp(T, 'k90'), gcp(T, 'k365', { rotationPeriodSeconds: 365 * 86400 }), gcp(T, 'never', { rotationPeriodSeconds: null })])]);
    expect(statuses(r)).toEqual([['k90', 'PASS'], ['k365', 'FAIL'], ['never', 'FAIL']]);
    expect(r[1]?.evidence).toMatchObject({ rotationPeriodDays: 365, maxRotationDays: 90 });
    expect(r[2]?.evidence).toMatchObject({ rotationPeriodDays: null });
  });
  test('NOT_APPLICABLE for asymmetric keys and destroyed keys', () => {
    const r = runCheck(check, [list(T, [gcp(T, 'sign', { purpose: 'ASYMMETRIC_SIGN', rotationPeriodSeconds: null, primaryState: null }), gcp(T, 'gone', { primaryState: 'DESTROYED', rotationPeriodSeconds: null })])]);
    expect(statuses(r)).toEqual([['sign', 'NOT_APPLICABLE'], ['gone', 'NOT_APPLICABLE']]);
  });
  test('ERROR for a failed listing', () => {
    expect(runCheck(check, [failed(T, 'cloudkms.cryptoKeys.list')]).map((r) => r.status)).toEqual(['ERROR']);
  });
});

import { describe, expect, test } from 'vitest';
import { runCheck, statuses } from '../../../support/checks.js';
import { gcp, list, unknown } from '../fixtures.js';
import { seen } from '../../../../src/core/observed.js';
import check from '../../../../checks/gcp/iam/gcp-iam-service-account-no-user-managed-keys.js';

const T = 'gcp.iam.service-account';
const key = { name: 'projects/p/serviceAccounts/a/keys/k1', keyType: 'USER_MANAGED', validAfterTime: '2026-05-01T00:00:00Z', validBeforeTime: null, disabled: false };

describe('gcp-iam-service-account-no-user-managed-keys', () => {
  test('PASS without user-managed keys', () => {
    expect(statuses(runCheck(check, [list(T, [gcp(T, 'a')])]))).toEqual([['a', 'PASS']]);
  });
  test('FAIL with a user-managed key, named in the evidence', () => {
    const r = runCheck(check, [list(T, [gcp(T, 'a', { userManagedKeys: seen([key]) })])]);
    expect(statuses(r)).toEqual([['a', 'FAIL']]);
    expect(r[0]?.evidence['keys']).toEqual([{ name: key.name, validAfterTime: key.validAfterTime, disabled: false }]);
  });
  test('ERROR when the keys could not be listed', () => {
    const r = runCheck(check, [list(T, [gcp(T, 'a', { userManagedKeys: unknown('iam.serviceAccountKeys.list') })])]);
    expect(statuses(r)).toEqual([['a', 'ERROR']]);
  });
  test('NOT_APPLICABLE without service accounts', () => {
    expect(runCheck(check, [list(T, [])]).map((r) => r.status)).toEqual(['NOT_APPLICABLE']);
  });
});

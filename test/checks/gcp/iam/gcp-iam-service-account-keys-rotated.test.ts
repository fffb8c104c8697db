import { describe, expect, test } from 'vitest';
import { runCheck, statuses } from '../../../support/checks.js';
import { gcp, list, unknown } from '../fixtures.js';
import { seen } from '../../../../src/core/observed.js';
import check from '../../../../checks/gcp/iam/gcp-iam-service-account-keys-rotated.js';

const T = 'gcp.iam.service-account';
const key = (id: string, validAfterTime: string) => ({ name: id, keyType: 'USER_MANAGED', validAfterTime, validBeforeTime: null, disabled: false });

describe('gcp-iam-service-account-keys-rotated', () => {
  test('PASS for a key 31 days old', () => {
    const r = runCheck(check, [list(T, [gcp(T, 'a', { userManagedKeys: seen([key('k1', '2026-05-01T00:00:00Z')]) })])]);
    expect(statuses(r)).toEqual([['a', 'PASS']]);
  });
  test('FAIL for a key 151 days old, with its age', () => {
    const r = runCheck(check, [list(T, [gcp(T, 'a', { userManagedKeys: seen([key('k1', '2026-05-01T00:00:00Z'), key('k2', '2026-01-01T00:00:00Z')]) })])]);
    expect(statuses(r)).toEqual([['a', 'FAIL']]);
    expect(r[0]?.evidence['keys']).toEqual([{ name: 'k2', validAfterTime: '2026-01-01T00:00:00Z', ageDays: 151 }]);
  });
  test('the age limit is a parameter', () => {
    const r = runCheck(check, [list(T, [gcp(T, 'a', { userManagedKeys: seen([key('k1', '2026-05-01T00:00:00Z')]) })])], { params: { maxAgeDays: 30 } });
    expect(statuses(r)).toEqual([['a', 'FAIL']]);
  });
  test('ERROR when keys are unknown, NOT_APPLICABLE without keys', () => {
    expect(statuses(runCheck(check, [list(T, [gcp(T, 'a', { userManagedKeys: unknown('iam.serviceAccountKeys.list') }), gcp(T, 'b')])]))).toEqual([
      ['a', 'ERROR'],
      ['b', 'NOT_APPLICABLE'],
    ]);
  });
});

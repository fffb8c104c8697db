import { describe, expect, test } from 'vitest';
import { expectNotAssessed, runCheck, statuses } from '../../../support/checks.js';
import { failed, gcp, list } from '../fixtures.js';
import check from '../../../../checks/gcp/compute/gcp-compute-disk-critical-cmek-encrypted.js';

const T = 'gcp.compute.disk';
const policy = { criticalResources: ['db-*'] };

describe('gcp-compute-disk-critical-cmek-encrypted', () => {
  test('PASS for a critical disk with a KMS key or a customer-supplied key', () => {
    const r = runCheck(check, [list(T, [gcp(T, 'db-1', { kmsKeyName: 'projects/p/locations/l/keyRings/r/cryptoKeys/k' }), gcp(T, 'db-2', { customerSuppliedKey: true })])], { policy });
    expect(statuses(r)).toEqual([['db-1', 'PASS'], ['db-2', 'PASS']]);
  });
  test('FAIL for a critical disk with Google-managed encryption only', () => {
    const r = runCheck(check, [list(T, [gcp(T, 'db-3')])], { policy });
    expect(statuses(r)).toEqual([['db-3', 'FAIL']]);
    expect(r[0]?.evidence).toEqual({ criticalMatch: 'db-*', kmsKeyName: null, customerSuppliedKey: false });
  });
  test('NOT_APPLICABLE for other disks; ERROR for a failed listing', () => {
    expect(statuses(runCheck(check, [list(T, [gcp(T, 'scratch')])], { policy }))).toEqual([['scratch', 'NOT_APPLICABLE']]);
    expect(runCheck(check, [failed(T, 'compute.disks.aggregatedList')], { policy }).map((r) => r.status)).toEqual(['ERROR']);
  });
  test('NOT_ASSESSED while policy.criticalResources is empty', () => {
    expectNotAssessed(runCheck(check, [list(T, [gcp(T, 'db-1'), gcp(T, 'scratch')])]), 'policy.criticalResources');
  });
});

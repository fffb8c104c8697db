import { describe, expect, test } from 'vitest';
import { runCheck, statuses } from '../../../support/checks.js';
import { failed, gcp, list } from '../fixtures.js';
import check from '../../../../checks/gcp/compute/gcp-compute-instance-shielded-vm-enabled.js';

const T = 'gcp.compute.instance';

describe('gcp-compute-instance-shielded-vm-enabled', () => {
  test('PASS shielded, FAIL without vTPM or without configuration', () => {
    const r = runCheck(check, [list(T, [gcp(T, 'ok'), gcp(T, 'novtpm', { shieldedVm: { secureBoot: true, vtpm: false, integrityMonitoring: true } }), gcp(T, 'legacy', { shieldedVm: null })])]);
    expect(statuses(r)).toEqual([['ok', 'PASS'], ['novtpm', 'FAIL'], ['legacy', 'FAIL']]);
    expect(r[2]?.evidence).toEqual({ shieldedVm: null });
  });
  test('NOT_APPLICABLE without VMs; ERROR for a failed listing', () => {
    expect(runCheck(check, [list(T, [])]).map((r) => r.status)).toEqual(['NOT_APPLICABLE']);
    expect(runCheck(check, [failed(T, 'compute.instances.aggregatedList')]).map((r) => r.status)).toEqual(['ERROR']);
  });
});

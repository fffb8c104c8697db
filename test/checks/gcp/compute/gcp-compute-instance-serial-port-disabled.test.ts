import { describe, expect, test } from 'vitest';
import { runCheck, statuses } from '../../../support/checks.js';
import { failed, gcp, list } from '../fixtures.js';
import check from '../../../../checks/gcp/compute/gcp-compute-instance-serial-port-disabled.js';

const T = 'gcp.compute.instance';

describe('gcp-compute-instance-serial-port-disabled', () => {
  test('PASS when unset or false, FAIL when enabled', () => {
    const r = runCheck(check, [list(T, [gcp(T, 'unset'), gcp(T, 'off', { metadata: { 'serial-port-enable': 'false' } }), gcp(T, 'on', { metadata: { 'serial-port-enable': 'TRUE' } })])]);
    expect(statuses(r)).toEqual([['unset', 'PASS'], ['off', 'PASS'], ['on', 'FAIL']]);
    expect(r[2]?.evidence).toEqual({ 'serial-port-enable': 'TRUE' });
  });
  test('NOT_APPLICABLE without VMs; ERROR for a failed listing', () => {
    expect(runCheck(check, [list(T, [])]).map((r) => r.status)).toEqual(['NOT_APPLICABLE']);
    expect(runCheck(check, [failed(T, 'compute.instances.aggregatedList')]).map((r) => r.status)).toEqual(['ERROR']);
  });
});

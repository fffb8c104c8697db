import { describe, expect, test } from 'vitest';
import { runCheck, statuses } from '../../../support/checks.js';
import { failed, gcp, list } from '../fixtures.js';
import check from '../../../../checks/gcp/compute/gcp-compute-subnetwork-flow-logs-enabled.js';

const T = 'gcp.compute.subnetwork';

describe('gcp-compute-subnetwork-flow-logs-enabled', () => {
  test('PASS with flow logs, FAIL without, NOT_APPLICABLE for a proxy-only subnet', () => {
    const r = runCheck(check, [list(T, [gcp(T, 'on'), gcp(T, 'off', { flowLogs: false }), gcp(T, 'proxy', { purpose: 'REGIONAL_MANAGED_PROXY', flowLogs: false })])]);
    expect(statuses(r)).toEqual([['on', 'PASS'], ['off', 'FAIL'], ['proxy', 'NOT_APPLICABLE']]);
    expect(r[1]?.evidence).toMatchObject({ flowLogs: false });
  });
  test('ERROR for a failed listing', () => {
    expect(runCheck(check, [failed(T, 'compute.subnetworks.aggregatedList')]).map((r) => r.status)).toEqual(['ERROR']);
  });
});

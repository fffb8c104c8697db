import { describe, expect, test } from 'vitest';
import { runCheck, statuses } from '../../../support/checks.js';
import { failed, gcp, list } from '../fixtures.js';
import check from '../../../../checks/gcp/compute/gcp-compute-instance-no-external-ip.js';

const T = 'gcp.compute.instance';
const withIp = { networkInterfaces: [{ network: 'vpc', subnetwork: 'a', externalIps: ['34.1.2.3'] }] };

describe('gcp-compute-instance-no-external-ip', () => {
  test('PASS without, FAIL with an external IP', () => {
    const r = runCheck(check, [list(T, [gcp(T, 'private'), gcp(T, 'public', withIp)])]);
    expect(statuses(r)).toEqual([['private', 'PASS'], ['public', 'FAIL']]);
    expect(r[1]?.evidence).toEqual({ externalIps: ['34.1.2.3'] });
  });
  test('NOT_APPLICABLE for VMs allowed an address by configuration; ERROR for a failed listing', () => {
    expect(statuses(runCheck(check, [list(T, [gcp(T, 'bastion-1', withIp)])], { params: { allowedNamePatterns: ['bastion-.*'] } }))).toEqual([['bastion-1', 'NOT_APPLICABLE']]);
    expect(runCheck(check, [failed(T, 'compute.instances.aggregatedList')]).map((r) => r.status)).toEqual(['ERROR']);
  });
});

import { describe, expect, test } from 'vitest';
import { runCheck, statuses } from '../../../support/checks.js';
import { failed, gcp, list } from '../fixtures.js';
import check from '../../../../checks/gcp/compute/gcp-compute-network-default-absent.js';

const T = 'gcp.compute.network';

describe('gcp-compute-network-default-absent', () => {
  test('FAIL for the default network, PASS for a custom one', () => {
    const r = runCheck(check, [list(T, [gcp(T, 'default', { autoCreateSubnetworks: true }), gcp(T, 'prod-vpc')])]);
    expect(statuses(r)).toEqual([['default', 'FAIL'], ['prod-vpc', 'PASS']]);
    expect(r[0]?.evidence).toMatchObject({ autoCreateSubnetworks: true });
  });
  test('NOT_APPLICABLE without networks; ERROR for a failed listing', () => {
    expect(runCheck(check, [list(T, [])]).map((r) => r.status)).toEqual(['NOT_APPLICABLE']);
    expect(runCheck(check, [failed(T, 'compute.networks.list')]).map((r) => r.status)).toEqual(['ERROR']);
  });
});

import { describe, expect, test } from 'vitest';
import { runCheck, statuses } from '../../../support/checks.js';
import { failed, gcp, list } from '../fixtures.js';
import check from '../../../../checks/gcp/gke/gcp-gke-cluster-control-plane-restricted.js';

const T = 'gcp.container.cluster';

describe('gcp-gke-cluster-control-plane-restricted', () => {
  test('PASS with authorised networks, FAIL without', () => {
    const r = runCheck(check, [list(T, [gcp(T, 'good'), gcp(T, 'bad', { authorizedNetworks: null }), gcp(T, 'private', { privateEndpoint: true, authorizedNetworks: null }), gcp(T, 'anywhere', { authorizedNetworks: ['10.0.0.0/8', '0.0.0.0/0'] })])]);
    expect(statuses(r)).toEqual([['good', 'PASS'], ['bad', 'FAIL'], ['private', 'PASS'], ['anywhere', 'FAIL']]);
  });
  test('NOT_APPLICABLE for an empty listing; ERROR for a failed one', () => {
    expect(runCheck(check, [list(T, [])]).map((r) => r.status)).toEqual(['NOT_APPLICABLE']);
    expect(runCheck(check, [failed(T, 'cloudasset.assets.listResource')]).map((r) => r.status)).toEqual(['ERROR']);
  });
});

import { describe, expect, test } from 'vitest';
import { runCheck, statuses } from '../../../support/checks.js';
import { failed, gcp, list } from '../fixtures.js';
import check from '../../../../checks/gcp/gke/gcp-gke-cluster-node-service-account-not-default.js';

const T = 'gcp.container.cluster';

describe('gcp-gke-cluster-node-service-account-not-default', () => {
  test('PASS with a dedicated account, FAIL for the default one, NOT_APPLICABLE without pools', () => {
    const r = runCheck(check, [list(T, [gcp(T, 'good'), gcp(T, 'bad', { nodePools: [{ name: 'a', autoUpgrade: true, autoRepair: true, secureBoot: true, serviceAccount: 'nodes@p.iam.gserviceaccount.com' }, { name: 'b', autoUpgrade: true, autoRepair: true, secureBoot: true, serviceAccount: 'default' }] }), gcp(T, 'none', { nodePools: [] }), gcp(T, 'compute-sa', { nodePools: [{ name: 'a', autoUpgrade: true, autoRepair: true, secureBoot: true, serviceAccount: 'nodes@p.iam.gserviceaccount.com' }, { name: 'b', autoUpgrade: true, autoRepair: true, secureBoot: true, serviceAccount: '123-compute@developer.gserviceaccount.com' }] })])]);
    expect(statuses(r)).toEqual([['good', 'PASS'], ['bad', 'FAIL'], ['none', 'NOT_APPLICABLE'], ['compute-sa', 'FAIL']]);
  });
  test('NOT_APPLICABLE for an empty listing; ERROR for a failed one', () => {
    expect(runCheck(check, [list(T, [])]).map((r) => r.status)).toEqual(['NOT_APPLICABLE']);
    expect(runCheck(check, [failed(T, 'cloudasset.assets.listResource')]).map((r) => r.status)).toEqual(['ERROR']);
  });
});

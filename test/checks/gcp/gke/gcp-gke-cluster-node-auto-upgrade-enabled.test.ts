import { describe, expect, test } from 'vitest';
import { runCheck, statuses } from '../../../support/checks.js';
import { failed, gcp, list } from '../fixtures.js';
import check from '../../../../checks/gcp/gke/gcp-gke-cluster-node-auto-upgrade-enabled.js';

const T = 'gcp.container.cluster';

describe('gcp-gke-cluster-node-auto-upgrade-enabled', () => {
  test('PASS when every pool upgrades, FAIL naming the pool that does not, NOT_APPLICABLE without pools', () => {
    const r = runCheck(check, [list(T, [gcp(T, 'good'), gcp(T, 'bad', { nodePools: [{ name: 'a', autoUpgrade: true, autoRepair: true, secureBoot: true, serviceAccount: 'nodes@p.iam.gserviceaccount.com' }, { name: 'b', autoUpgrade: false, autoRepair: true, secureBoot: true, serviceAccount: 'nodes@p.iam.gserviceaccount.com' }] }), gcp(T, 'none', { autopilot: true, nodePools: [] })])]);
    expect(statuses(r)).toEqual([['good', 'PASS'], ['bad', 'FAIL'], ['none', 'NOT_APPLICABLE']]);
  });
  test('NOT_APPLICABLE for an empty listing; ERROR for a failed one', () => {
    expect(runCheck(check, [list(T, [])]).map((r) => r.status)).toEqual(['NOT_APPLICABLE']);
    expect(runCheck(check, [failed(T, 'cloudasset.assets.listResource')]).map((r) => r.status)).toEqual(['ERROR']);
  });
});

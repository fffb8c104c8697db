import { describe, expect, test } from 'vitest';
import { runCheck, statuses } from '../../../support/checks.js';
import { failed, gcp, list } from '../fixtures.js';
import check from '../../../../checks/gcp/run/gcp-run-service-ingress-restricted.js';

const T = 'gcp.run.service';

describe('gcp-run-service-ingress-restricted', () => {
  test('PASS internal or behind a load balancer, FAIL for all', () => {
    const r = runCheck(check, [list(T, [gcp(T, 'internal'), gcp(T, 'lb', { ingress: 'internal-and-cloud-load-balancing' }), gcp(T, 'all', { ingress: 'all' })])]);
    expect(statuses(r)).toEqual([['internal', 'PASS'], ['lb', 'PASS'], ['all', 'FAIL']]);
  });
  test('NOT_APPLICABLE for an empty listing; ERROR for a failed one', () => {
    expect(runCheck(check, [list(T, [])]).map((r) => r.status)).toEqual(['NOT_APPLICABLE']);
    expect(runCheck(check, [failed(T, 'cloudasset.assets.listResource')]).map((r) => r.status)).toEqual(['ERROR']);
  });
});

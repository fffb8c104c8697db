import { describe, expect, test } from 'vitest';
import { runCheck, statuses } from '../../../support/checks.js';
import { failed, gcp, list } from '../fixtures.js';
import check from '../../../../checks/gcp/functions/gcp-functions-function-ingress-restricted.js';

const T = 'gcp.functions.function';

describe('gcp-functions-function-ingress-restricted', () => {
  test('PASS internal, FAIL for ALLOW_ALL, NOT_APPLICABLE for event triggers', () => {
    const r = runCheck(check, [list(T, [gcp(T, 'internal'), gcp(T, 'all', { ingressSettings: 'ALLOW_ALL' }), gcp(T, 'event', { httpTrigger: false, ingressSettings: 'ALLOW_ALL' })])]);
    expect(statuses(r)).toEqual([['internal', 'PASS'], ['all', 'FAIL'], ['event', 'NOT_APPLICABLE']]);
  });
  test('NOT_APPLICABLE for an empty listing; ERROR for a failed one', () => {
    expect(runCheck(check, [list(T, [])]).map((r) => r.status)).toEqual(['NOT_APPLICABLE']);
    expect(runCheck(check, [failed(T, 'cloudasset.assets.listResource')]).map((r) => r.status)).toEqual(['ERROR']);
  });
});

import { describe, expect, test } from 'vitest';
import { runCheck, statuses } from '../../../support/checks.js';
import { failed, gcp, list } from '../fixtures.js';
import check from '../../../../checks/gcp/functions/gcp-functions-function-https-only.js';

const T = 'gcp.functions.function';

describe('gcp-functions-function-https-only', () => {
  test('PASS for SECURE_ALWAYS and 2nd gen, FAIL for SECURE_OPTIONAL, NOT_APPLICABLE for event triggers', () => {
    const r = runCheck(check, [list(T, [gcp(T, 'secure'), gcp(T, 'gen2', { generation: 2, httpsSecurityLevel: null }), gcp(T, 'optional', { httpsSecurityLevel: 'SECURE_OPTIONAL' }), gcp(T, 'event', { httpTrigger: false, httpsSecurityLevel: null })])]);
    expect(statuses(r)).toEqual([['secure', 'PASS'], ['gen2', 'PASS'], ['optional', 'FAIL'], ['event', 'NOT_APPLICABLE']]);
  });
  test('NOT_APPLICABLE for an empty listing; ERROR for a failed one', () => {
    expect(runCheck(check, [list(T, [])]).map((r) => r.status)).toEqual(['NOT_APPLICABLE']);
    expect(runCheck(check, [failed(T, 'cloudasset.assets.listResource')]).map((r) => r.status)).toEqual(['ERROR']);
  });
});

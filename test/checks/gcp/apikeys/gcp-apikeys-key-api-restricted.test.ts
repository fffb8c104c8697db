import { describe, expect, test } from 'vitest';
import { runCheck, statuses } from '../../../support/checks.js';
import { failed, gcp, list } from '../fixtures.js';
import check from '../../../../checks/gcp/apikeys/gcp-apikeys-key-api-restricted.js';

const T = 'gcp.apikeys.key';

describe('gcp-apikeys-key-api-restricted', () => {
  test('PASS with API targets, FAIL without', () => {
    const r = runCheck(check, [list(T, [gcp(T, 'maps'), gcp(T, 'open', { apiTargets: [] })])]);
    expect(statuses(r)).toEqual([['maps', 'PASS'], ['open', 'FAIL']]);
  });
  test('NOT_APPLICABLE for an empty listing; ERROR for a failed one', () => {
    expect(runCheck(check, [list(T, [])]).map((r) => r.status)).toEqual(['NOT_APPLICABLE']);
    expect(runCheck(check, [failed(T, 'cloudasset.assets.listResource')]).map((r) => r.status)).toEqual(['ERROR']);
  });
});

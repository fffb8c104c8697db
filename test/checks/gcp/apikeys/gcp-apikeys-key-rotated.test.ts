import { describe, expect, test } from 'vitest';
import { runCheck, statuses } from '../../../support/checks.js';
import { failed, gcp, list } from '../fixtures.js';
import check from '../../../../checks/gcp/apikeys/gcp-apikeys-key-rotated.js';

const T = 'gcp.apikeys.key';

describe('gcp-apikeys-key-rotated', () => {
  test('PASS within 90 days, FAIL older or of unknown age', () => {
    const r = runCheck(check, [list(T, [gcp(T, 'fresh'), gcp(T, 'old', { createTime: '2025-12-01T00:00:00Z' }), gcp(T, 'unknown-age', { createTime: null })])], { now: new Date('2026-06-01T00:00:00Z') });
    expect(statuses(r)).toEqual([['fresh', 'PASS'], ['old', 'FAIL'], ['unknown-age', 'FAIL']]);
  });
  test('NOT_APPLICABLE for an empty listing; ERROR for a failed one', () => {
    expect(runCheck(check, [list(T, [])], { now: new Date('2026-06-01T00:00:00Z') }).map((r) => r.status)).toEqual(['NOT_APPLICABLE']);
    expect(runCheck(check, [failed(T, 'cloudasset.assets.listResource')], { now: new Date('2026-06-01T00:00:00Z') }).map((r) => r.status)).toEqual(['ERROR']);
  });
});

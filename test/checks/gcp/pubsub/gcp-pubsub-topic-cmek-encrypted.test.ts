import { describe, expect, test } from 'vitest';
import { runCheck, statuses } from '../../../support/checks.js';
import { failed, gcp, list } from '../fixtures.js';
import check from '../../../../checks/gcp/pubsub/gcp-pubsub-topic-cmek-encrypted.js';

const T = 'gcp.pubsub.topic';

describe('gcp-pubsub-topic-cmek-encrypted', () => {
  test('PASS with a KMS key, FAIL without', () => {
    const r = runCheck(check, [list(T, [gcp(T, 'cmek'), gcp(T, 'google', { kmsKeyName: null })])]);
    expect(statuses(r)).toEqual([['cmek', 'PASS'], ['google', 'FAIL']]);
  });
  test('NOT_APPLICABLE for an empty listing; ERROR for a failed one', () => {
    expect(runCheck(check, [list(T, [])]).map((r) => r.status)).toEqual(['NOT_APPLICABLE']);
    expect(runCheck(check, [failed(T, 'cloudasset.assets.listResource')]).map((r) => r.status)).toEqual(['ERROR']);
  });
});

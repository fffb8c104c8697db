import { describe, expect, test } from 'vitest';
import { runCheck, statuses } from '../../../support/checks.js';
import { failed, gcp, list } from '../fixtures.js';
import check from '../../../../checks/gcp/bigquery/gcp-bigquery-dataset-cmek-default.js';

const T = 'gcp.bigquery.dataset';

describe('gcp-bigquery-dataset-cmek-default', () => {
  test('PASS with a default KMS key, FAIL without', () => {
    const r = runCheck(check, [list(T, [gcp(T, 'cmek'), gcp(T, 'google', { defaultKmsKeyName: null })])]);
    expect(statuses(r)).toEqual([['cmek', 'PASS'], ['google', 'FAIL']]);
  });
  test('NOT_APPLICABLE for an empty listing; ERROR for a failed one', () => {
    expect(runCheck(check, [list(T, [])]).map((r) => r.status)).toEqual(['NOT_APPLICABLE']);
    expect(runCheck(check, [failed(T, 'cloudasset.assets.listResource')]).map((r) => r.status)).toEqual(['ERROR']);
  });
});

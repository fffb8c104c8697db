import { describe, expect, test } from 'vitest';
import { runCheck, statuses } from '../../../support/checks.js';
import { failed, gcp, list } from '../fixtures.js';
import check from '../../../../checks/gcp/gke/gcp-gke-cluster-secrets-encrypted.js';

const T = 'gcp.container.cluster';

describe('gcp-gke-cluster-secrets-encrypted', () => {
  test('PASS with a KMS key, FAIL without', () => {
    const r = runCheck(check, [list(T, [gcp(T, 'good'), gcp(T, 'bad', { secretsKmsKey: null })])]);
    expect(statuses(r)).toEqual([['good', 'PASS'], ['bad', 'FAIL']]);
  });
  test('NOT_APPLICABLE for an empty listing; ERROR for a failed one', () => {
    expect(runCheck(check, [list(T, [])]).map((r) => r.status)).toEqual(['NOT_APPLICABLE']);
    expect(runCheck(check, [failed(T, 'cloudasset.assets.listResource')]).map((r) => r.status)).toEqual(['ERROR']);
  });
});

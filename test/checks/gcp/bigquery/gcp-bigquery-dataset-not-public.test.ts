import { describe, expect, test } from 'vitest';
import { seen } from '../../../../src/core/observed.js';
import { runCheck, statuses } from '../../../support/checks.js';
import { failed, gcp, list, unknown } from '../fixtures.js';
import check from '../../../../checks/gcp/bigquery/gcp-bigquery-dataset-not-public.js';

const T = 'gcp.bigquery.dataset';

describe('gcp-bigquery-dataset-not-public', () => {
  test('PASS private, FAIL for a public access entry or IAM binding, ERROR for an unread policy', () => {
    const r = runCheck(check, [list(T, [gcp(T, 'private'), gcp(T, 'entry', { access: [{ role: 'READER', member: 'allAuthenticatedUsers' }] }), gcp(T, 'iam', { iamBindings: seen([{ role: 'roles/bigquery.dataViewer', members: ['allUsers'], condition: null, source: '//bigquery.googleapis.com/projects/acme-test/datasets/iam' }]) }), gcp(T, 'unknown', { iamBindings: unknown('cloudasset.assets.listIamPolicy') })])]);
    expect(statuses(r)).toEqual([['private', 'PASS'], ['entry', 'FAIL'], ['iam', 'FAIL'], ['unknown', 'ERROR']]);
  });
  test('NOT_APPLICABLE for an empty listing; ERROR for a failed one', () => {
    expect(runCheck(check, [list(T, [])]).map((r) => r.status)).toEqual(['NOT_APPLICABLE']);
    expect(runCheck(check, [failed(T, 'cloudasset.assets.listResource')]).map((r) => r.status)).toEqual(['ERROR']);
  });
});

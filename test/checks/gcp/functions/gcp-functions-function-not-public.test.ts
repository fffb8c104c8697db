import { describe, expect, test } from 'vitest';
import { seen } from '../../../../src/core/observed.js';
import { runCheck, statuses } from '../../../support/checks.js';
import { failed, gcp, list, unknown } from '../fixtures.js';
import check from '../../../../checks/gcp/functions/gcp-functions-function-not-public.js';

const T = 'gcp.functions.function';

describe('gcp-functions-function-not-public', () => {
  test('PASS private, FAIL for allUsers, ERROR for an unread policy', () => {
    const r = runCheck(check, [list(T, [gcp(T, 'private'), gcp(T, 'open', { iamBindings: seen([{ role: 'roles/cloudfunctions.invoker', members: ['allUsers'], condition: null, source: 'f' }]) }), gcp(T, 'unknown', { iamBindings: unknown('cloudasset.assets.listIamPolicy') })])]);
    expect(statuses(r)).toEqual([['private', 'PASS'], ['open', 'FAIL'], ['unknown', 'ERROR']]);
  });
  test('NOT_APPLICABLE for an empty listing; ERROR for a failed one', () => {
    expect(runCheck(check, [list(T, [])]).map((r) => r.status)).toEqual(['NOT_APPLICABLE']);
    expect(runCheck(check, [failed(T, 'cloudasset.assets.listResource')]).map((r) => r.status)).toEqual(['ERROR']);
  });
});

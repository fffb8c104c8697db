import { describe, expect, test } from 'vitest';
import { runCheck, statuses } from '../../../support/checks.js';
import { failed, gcp, list } from '../fixtures.js';
import check from '../../../../checks/gcp/iam/gcp-iam-policy-no-public-members.js';

const T = 'gcp.iam.policy';
const b = (role: string, members: string[]) => ({ role, members, condition: null, source: '//storage.googleapis.com/b' });

describe('gcp-iam-policy-no-public-members', () => {
  test('PASS for a policy with named members only', () => {
    expect(statuses(runCheck(check, [list(T, [gcp(T, 'b', { bindings: [b('roles/storage.objectViewer', ['user:a@x.com'])] })])]))).toEqual([['b', 'PASS']]);
  });
  test('FAIL for allUsers and allAuthenticatedUsers, listing the grants', () => {
    const r = runCheck(check, [list(T, [gcp(T, 'b', { bindings: [b('roles/storage.objectViewer', ['allUsers', 'user:a@x.com']), b('roles/viewer', ['allAuthenticatedUsers'])] })])]);
    expect(statuses(r)).toEqual([['b', 'FAIL']]);
    expect(r[0]?.evidence['grants']).toEqual([
      { role: 'roles/storage.objectViewer', member: 'allUsers', condition: null },
      { role: 'roles/viewer', member: 'allAuthenticatedUsers', condition: null },
    ]);
  });
  test('ERROR when policies could not be searched', () => {
    expect(statuses(runCheck(check, [failed(T, 'cloudasset.assets.searchAllIamPolicies')]))).toEqual([['acme-test', 'ERROR']]);
  });
  test('NOT_APPLICABLE without policies', () => {
    expect(runCheck(check, [list(T, [])]).map((r) => r.status)).toEqual(['NOT_APPLICABLE']);
  });
});

import { describe, expect, test } from 'vitest';
import { runCheck, statuses } from '../../../support/checks.js';
import { failed, gcp, list, unknown } from '../fixtures.js';
import { seen } from '../../../../src/core/observed.js';
import check from '../../../../checks/gcp/iam/gcp-iam-project-no-primitive-roles-for-users.js';

const T = 'gcp.project.iam-policy';
const b = (role: string, members: string[], source = 'projects/acme-test') => ({ role, members, condition: null, source });

describe('gcp-iam-project-no-primitive-roles-for-users', () => {
  test('PASS when people hold predefined roles and only service accounts hold Editor', () => {
    const r = runCheck(check, [list(T, [gcp(T, 'p', { bindings: [b('roles/viewer', ['user:a@x.com']), b('roles/editor', ['serviceAccount:ci@p.iam.gserviceaccount.com'])] })])]);
    expect(statuses(r)).toEqual([['p', 'PASS']]);
  });
  test('FAIL on a direct and an inherited basic-role grant, naming where each is set', () => {
    const r = runCheck(check, [
      list(T, [gcp(T, 'p', { bindings: [b('roles/owner', ['user:boss@x.com'])], inheritedBindings: seen([b('roles/editor', ['group:devs@x.com'], 'organizations/123')]) })]),
    ]);
    expect(statuses(r)).toEqual([['p', 'FAIL']]);
    expect(r[0]?.evidence['grants']).toEqual([
      { role: 'roles/owner', member: 'user:boss@x.com', source: 'projects/acme-test', condition: null },
      { role: 'roles/editor', member: 'group:devs@x.com', source: 'organizations/123', condition: null },
    ]);
  });
  test('ERROR when the inherited policy could not be read', () => {
    const r = runCheck(check, [list(T, [gcp(T, 'p', { inheritedBindings: unknown('resourcemanager.folders.getIamPolicy') })])]);
    expect(statuses(r)).toEqual([['p', 'ERROR']]);
    expect(r[0]?.error?.operation).toBe('resourcemanager.folders.getIamPolicy');
  });
  test('ERROR for a failed listing and NOT_APPLICABLE for an empty one', () => {
    expect(runCheck(check, [failed(T, 'resourcemanager.projects.getIamPolicy')]).map((r) => r.status)).toEqual(['ERROR']);
    expect(runCheck(check, [list(T, [])]).map((r) => r.status)).toEqual(['NOT_APPLICABLE']);
  });
});

import { describe, expect, test } from 'vitest';
import { runCheck, statuses } from '../../../support/checks.js';
import { gcp, list, unknown } from '../fixtures.js';
import { seen } from '../../../../src/core/observed.js';
import check from '../../../../checks/gcp/iam/gcp-iam-project-service-account-roles-separated.js';

const T = 'gcp.project.iam-policy';
const b = (role: string, members: string[], source = 'projects/acme-test') => ({ role, members, condition: null, source });

describe('gcp-iam-project-service-account-roles-separated', () => {
  test('PASS when admin and user roles are held by different principals', () => {
    const r = runCheck(check, [list(T, [gcp(T, 'p', { bindings: [b('roles/iam.serviceAccountAdmin', ['user:a@x.com']), b('roles/iam.serviceAccountUser', ['user:b@x.com'])] })])]);
    expect(statuses(r)).toEqual([['p', 'PASS']]);
  });
  test('FAIL when one principal holds both, one of them inherited from the organisation', () => {
    const r = runCheck(check, [
      list(T, [gcp(T, 'p', { bindings: [b('roles/iam.serviceAccountUser', ['user:a@x.com'])], inheritedBindings: seen([b('roles/iam.serviceAccountAdmin', ['user:a@x.com'], 'organizations/123')]) })]),
    ]);
    expect(statuses(r)).toEqual([['p', 'FAIL']]);
    expect(r[0]?.evidence['members']).toEqual(['user:a@x.com']);
  });
  test('ERROR when inherited bindings are unknown', () => {
    expect(statuses(runCheck(check, [list(T, [gcp(T, 'p', { inheritedBindings: unknown('resourcemanager.organizations.getIamPolicy') })])]))).toEqual([['p', 'ERROR']]);
  });
  test('NOT_APPLICABLE for an empty listing', () => {
    expect(runCheck(check, [list(T, [])]).map((r) => r.status)).toEqual(['NOT_APPLICABLE']);
  });
});

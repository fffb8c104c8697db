import { describe, expect, test } from 'vitest';
import { runCheck, statuses } from '../../../support/checks.js';
import { failed, gcp, list, ORG_SCOPE } from '../fixtures.js';
import check, { NO_WORKSPACE_SUBJECT } from '../../../../checks/gcp/workspace/gcp-workspace-users-2sv-enrolled.js';

const T = 'gcp.workspace.directory';
const user = (primaryEmail: string, enrolled: boolean, enforced = enrolled, extra = {}) => ({
  primaryEmail, isAdmin: false, suspended: false, archived: false, isEnrolledIn2Sv: enrolled, isEnforcedIn2Sv: enforced, ...extra,
});
const dir = (users: ReturnType<typeof user>[] | null) => gcp(T, 'my_customer', { users, adminSubject: users ? 'admin@x.com' : null }, { scope: ORG_SCOPE, region: 'global' });

describe('gcp-workspace-users-2sv-enrolled', () => {
  test('one verdict per active user: PASS enrolled, FAIL not enrolled; suspended users skipped', () => {
    const r = runCheck(check, [list(T, [dir([user('a@x.com', true), user('b@x.com', false), user('c@x.com', false, false, { suspended: true })])], ORG_SCOPE)]);
    expect(statuses(r)).toEqual([['a@x.com', 'PASS'], ['b@x.com', 'FAIL']]);
    expect(r[1]?.evidence).toEqual({ isEnrolledIn2Sv: false, isEnforcedIn2Sv: false, isAdmin: false });
    expect(r[1]?.resource.type).toBe('gcp.workspace.user');
  });
  test('requireEnforcement fails enrolled users whose 2SV is not enforced', () => {
    const r = runCheck(check, [list(T, [dir([user('a@x.com', true, false)])], ORG_SCOPE)], { params: { requireEnforcement: true } });
    expect(statuses(r)).toEqual([['a@x.com', 'FAIL']]);
  });
  test('NOT_APPLICABLE, as a manual attestation, without a Workspace admin subject', () => {
    const r = runCheck(check, [list(T, [dir(null)], ORG_SCOPE)]);
    expect(r.map((x) => x.status)).toEqual(['NOT_APPLICABLE']);
    expect(r[0]?.evidence).toEqual({ attestation: 'manual', reason: NO_WORKSPACE_SUBJECT });
    expect(NO_WORKSPACE_SUBJECT).toBe('manual attestation required: no Workspace admin subject configured');
  });
  test('ERROR when the directory could not be read, never a pass', () => {
    const r = runCheck(check, [failed(T, 'admin.directory.users.list', ORG_SCOPE)]);
    expect(r.map((x) => x.status)).toEqual(['ERROR']);
  });
});

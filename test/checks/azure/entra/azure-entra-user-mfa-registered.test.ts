import { describe, expect, it } from 'vitest';
import check from '../../../../checks/azure/entra/azure-entra-user-mfa-registered.js';
import { runCheck, statuses } from '../../../support/checks.js';
import { failed, list, tenantScope, user } from '../fixtures.js';

describe('azure-entra-user-mfa-registered', () => {
  const users = [user('a@c.com'), user('b@c.com', { isMfaRegistered: false, methodsRegistered: [] }), user('g@x.com', { userType: 'guest', isMfaRegistered: false })];
  it('passes registered users and fails the others, guests included by default', () => {
    const results = runCheck(check, [list('azure.entra.user', users, tenantScope)]);
    expect(statuses(results)).toEqual([['a@c.com', 'PASS'], ['b@c.com', 'FAIL'], ['g@x.com', 'FAIL']]);
    expect(results[1]?.evidence).toMatchObject({ isMfaRegistered: false, methodsRegistered: [] });
  });
  it('leaves guests out when asked', () => {
    const results = runCheck(check, [list('azure.entra.user', users, tenantScope)], { params: { includeGuests: false } });
    expect(results[2]?.status).toBe('NOT_APPLICABLE');
  });
  it('is ERROR when the report could not be read, NOT_APPLICABLE when empty', () => {
    expect(runCheck(check, [failed('azure.entra.user', 'graph:AuditLog.Read.All', tenantScope)]).map((r) => r.status)).toEqual(['ERROR']);
    expect(runCheck(check, [list('azure.entra.user', [], tenantScope)]).map((r) => r.status)).toEqual(['NOT_APPLICABLE']);
  });
});

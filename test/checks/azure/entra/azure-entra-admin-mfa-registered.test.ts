import { describe, expect, it } from 'vitest';
import check from '../../../../checks/azure/entra/azure-entra-admin-mfa-registered.js';
import { runCheck, statuses } from '../../../support/checks.js';
import { failedListing } from '../../../../src/inventory/build.js';
import { collectionError } from '../../../../src/core/observed.js';
import { list, tenantScope, user } from '../fixtures.js';

describe('azure-entra-admin-mfa-registered', () => {
  it('judges admins only, one result each', () => {
    const results = runCheck(check, [
      list('azure.entra.user', [user('ok@c.com', { isAdmin: true }), user('bad@c.com', { isAdmin: true, isMfaRegistered: false }), user('plain@c.com', { isMfaRegistered: false })], tenantScope),
    ]);
    expect(statuses(results)).toEqual([['ok@c.com', 'PASS'], ['bad@c.com', 'FAIL']]);
    expect(results[1]?.evidence).toMatchObject({ isAdmin: true, isMfaRegistered: false });
    expect(results[1]?.resource).not.toHaveProperty('data');
  });
  it('is NOT_APPLICABLE when the report lists no admin', () => {
    expect(runCheck(check, [list('azure.entra.user', [user('plain@c.com')], tenantScope)]).map((r) => r.status)).toEqual(['NOT_APPLICABLE']);
  });
  it('is ERROR naming the Graph permission when the report was refused', () => {
    const error = collectionError('ACCESS_DENIED', 'graph:AuditLog.Read.All', 'Graph answered 403: grant AuditLog.Read.All', { provider: 'azure' });
    const results = runCheck(check, [failedListing(tenantScope, 'azure.entra.user', error)]);
    expect(results.map((r) => r.status)).toEqual(['ERROR']);
    expect(results[0]?.error?.operation).toBe('graph:AuditLog.Read.All');
  });
});

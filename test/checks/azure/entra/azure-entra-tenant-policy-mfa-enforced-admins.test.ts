import { describe, expect, it } from 'vitest';
import check from '../../../../checks/azure/entra/azure-entra-tenant-policy-mfa-enforced-admins.js';
import { ADMIN_ROLES } from '../../../../checks/azure/lib/conditional-access.js';
import { seen } from '../../../../src/core/observed.js';
import { runCheck } from '../../../support/checks.js';
import { deniedFact, list, tenantScope } from '../fixtures.js';
import { caPolicy, expectErrorAndNotApplicable, tenantPolicy } from '../lib/services.js';

const run = (over: Parameters<typeof tenantPolicy>[0]) => runCheck(check, [list('azure.entra.tenant-policy', [tenantPolicy(over)], tenantScope)])[0];
const roles = Object.keys(ADMIN_ROLES);

describe('azure-entra-tenant-policy-mfa-enforced-admins', () => {
  it('PASS with security defaults, an all-users policy, or policies covering every privileged role', () => {
    expect(run({ securityDefaults: seen(true), conditionalAccess: seen([]) })?.status).toBe('PASS');
    expect(run({})?.status).toBe('PASS');
    expect(run({ conditionalAccess: seen([caPolicy('a', { includeUsers: [], includeRoles: roles.slice(0, 3) }), caPolicy('b', { includeUsers: [], includeRoles: roles.slice(3) })]) })?.status).toBe('PASS');
  });
  it('FAIL naming the roles no enforced policy covers', () => {
    const result = run({ conditionalAccess: seen([caPolicy('ga', { includeUsers: [], includeRoles: [roles[0]!] }), caPolicy('off', { state: 'disabled' })]) });
    expect(result?.status).toBe('FAIL');
    expect(result?.evidence['uncoveredRoles']).toContain('Privileged Role Administrator');
    expect(result?.evidence['uncoveredRoles']).not.toContain('Global Administrator');
  });
  it('is ERROR when Graph refused the policies', () => {
    expect(run({ conditionalAccess: deniedFact('graph:Policy.Read.All') })?.status).toBe('ERROR');
  });
  it('is ERROR when the tenant could not be read, NOT_APPLICABLE without one', () => {
    expectErrorAndNotApplicable(check, 'graph:Policy.Read.All');
  });
});

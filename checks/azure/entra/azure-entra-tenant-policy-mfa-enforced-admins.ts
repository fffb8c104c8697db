import { defineCheck } from '../../../src/core/check.js';
import '../../../providers/azure/model/types.js';
import { ADMIN_ROLES, adminRolesCovered } from '../lib/conditional-access.js';

export default defineCheck({
  id: 'azure-entra-tenant-policy-mfa-enforced-admins',
  title: 'The tenant enforces MFA for every privileged administrator role',
  provider: 'azure',
  service: 'entra',
  resourceType: 'azure.entra.tenant-policy',
  duty: 'mfa',
  severity: 'critical',
  rationale: 'An administrator signing in with a password alone can be phished into a tenant takeover. Security defaults, or enforced Conditional Access policies requiring MFA for the privileged roles, close that.',
  remediation: {
    text: 'Create a Conditional Access policy for the privileged directory roles (Global, Privileged Role, Security, Exchange, SharePoint, User and Conditional Access Administrator) and All cloud apps, granting access only with MFA.',
    url: 'https://learn.microsoft.com/entra/identity/conditional-access/policy-old-require-mfa-admin',
  },
  references: ['CIS Microsoft Azure Foundations 3.0.0 2.2.4'],
  assess(tenant, ctx) {
    const defaults = ctx.known(tenant.data.securityDefaults);
    const policies = ctx.known(tenant.data.conditionalAccess);
    const covered = new Set(policies.flatMap(adminRolesCovered));
    const uncovered = Object.entries(ADMIN_ROLES).filter(([id]) => !covered.has(id)).map(([, name]) => name);
    const evidence = { securityDefaults: defaults, conditionalAccessPolicies: policies.length, uncoveredRoles: uncovered };
    if (defaults) return ctx.pass('Security defaults are enabled', evidence);
    return uncovered.length === 0
      ? ctx.pass('Conditional Access enforces MFA for every privileged role', evidence)
      : ctx.fail(`No enforced MFA policy covers: ${uncovered.join(', ')}`, evidence);
  },
});

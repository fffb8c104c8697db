import { defineCheck } from '../../../src/core/check.js';
import '../../../providers/azure/model/types.js';
import { exclusionsOf, mfaForAllUsers } from '../lib/conditional-access.js';

export default defineCheck({
  id: 'azure-entra-tenant-policy-mfa-enforced-all-users',
  title: 'The tenant enforces MFA for every user (Conditional Access or security defaults)',
  provider: 'azure',
  service: 'entra',
  resourceType: 'azure.entra.tenant-policy',
  duty: 'mfa',
  severity: 'high',
  rationale:
    'Registered MFA methods protect nothing unless sign-in requires them. Security defaults, or an enforced Conditional Access policy for all users and all apps requiring MFA, make every sign-in prove a second factor. ' +
    'Report-only and disabled policies do not count; exclusions (break-glass accounts) are shown as evidence.',
  remediation: {
    text: 'Create a Conditional Access policy for All users and All cloud apps granting access only with MFA (exclude only the break-glass accounts), or turn on security defaults where Conditional Access is not licensed.',
    url: 'https://learn.microsoft.com/entra/identity/conditional-access/policy-all-users-mfa-strength',
  },
  references: ['CIS Microsoft Azure Foundations 3.0.0 2.2.5'],
  assess(tenant, ctx) {
    const defaults = ctx.known(tenant.data.securityDefaults);
    const policies = ctx.known(tenant.data.conditionalAccess);
    const enforcing = policies.filter(mfaForAllUsers);
    const evidence = { securityDefaults: defaults, conditionalAccessPolicies: policies.length, enforcing: enforcing.map(exclusionsOf) };
    if (defaults) return ctx.pass('Security defaults are enabled', evidence);
    return enforcing.length > 0
      ? ctx.pass(`Conditional Access enforces MFA for all users: ${enforcing.map((p) => p.displayName).join(', ')}`, evidence)
      : ctx.fail('Neither security defaults nor an enforced Conditional Access policy require MFA of every user', evidence);
  },
});

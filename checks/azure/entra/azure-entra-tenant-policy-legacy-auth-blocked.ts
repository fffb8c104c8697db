import { defineCheck } from '../../../src/core/check.js';
import '../../../providers/azure/model/types.js';
import { blocksLegacyAuth } from '../lib/conditional-access.js';

export default defineCheck({
  id: 'azure-entra-tenant-policy-legacy-auth-blocked',
  title: 'The tenant blocks legacy authentication protocols',
  provider: 'azure',
  service: 'entra',
  resourceType: 'azure.entra.tenant-policy',
  duty: 'credentials',
  severity: 'high',
  rationale: 'Legacy protocols (IMAP, POP, SMTP AUTH, Exchange ActiveSync) cannot do MFA, so password spraying through them bypasses every MFA policy; blocking them closes that door.',
  remediation: {
    text: 'Create a Conditional Access policy for All users and All cloud apps with the client apps "Exchange ActiveSync" and "Other clients", granting Block; or turn on security defaults.',
    url: 'https://learn.microsoft.com/entra/identity/conditional-access/policy-block-legacy-authentication',
  },
  assess(tenant, ctx) {
    const defaults = ctx.known(tenant.data.securityDefaults);
    const blocking = ctx.known(tenant.data.conditionalAccess).filter(blocksLegacyAuth);
    const evidence = { securityDefaults: defaults, blocking: blocking.map((p) => p.displayName) };
    if (defaults) return ctx.pass('Security defaults block legacy authentication', evidence);
    return blocking.length > 0
      ? ctx.pass(`Blocked by: ${blocking.map((p) => p.displayName).join(', ')}`, evidence)
      : ctx.fail('No enforced Conditional Access policy blocks legacy authentication for every user', evidence);
  },
});

import { describe, expect, it } from 'vitest';
import { azureChecks } from '../../../checks/azure/index.js';
import { azureDemo } from '../../../providers/azure/demo.js';
import { runCheck } from '../../support/checks.js';

const policy = {
  requiredTags: [{ key: 'owner' }],
  allowedRegions: { azure: ['westeurope', 'northeurope'] },
  criticalResources: ['st*', '**/disks/*', 'cosmos-*'],
};

describe('Azure demo inventory', () => {
  const listings = azureDemo(new Date('2026-06-01T00:00:00Z'));
  // One subscription means one verdict for the subscription-wide checks; every other check shows both sides.
  const perResource = azureChecks.filter((c) => c.resourceType !== 'azure.subscription' && c.resourceType !== 'azure.entra.tenant-policy');
  it.each(perResource.map((c) => [c.id, c] as const))('%s has a compliant and a non-compliant case', (_id, check) => {
    const statuses = new Set(runCheck(check, listings, { policy }).map((r) => r.status));
    expect(statuses.has('PASS')).toBe(true);
    expect(statuses.has('FAIL')).toBe(true);
  });
  it('gives the subscription-wide checks a definite verdict, and every duty both sides', () => {
    const results = azureChecks.flatMap((c) => runCheck(c, listings, { policy }));
    const byDuty = new Map<string, Set<string>>();
    for (const r of results) byDuty.set(r.check.duty, (byDuty.get(r.check.duty) ?? new Set()).add(r.status));
    for (const [duty, statuses] of byDuty) {
      if (duty === 'incident-readiness') continue; // Defender plans: one subscription, one verdict
      expect([duty, statuses.has('PASS') && statuses.has('FAIL')]).toEqual([duty, true]);
    }
    const subscriptionWide = results.filter((r) => r.check.resourceType === 'azure.subscription');
    expect(subscriptionWide.map((r) => [r.check.id, r.status])).toEqual([
      ['azure-authorization-subscription-owners-two-to-three', 'FAIL'],
      ['azure-monitor-subscription-activity-log-exported', 'PASS'],
      ['azure-security-subscription-defender-plans-enabled', 'FAIL'],
    ]);
    // One tenant: MFA is enforced for everyone, but legacy protocols are only reported on.
    expect(results.filter((r) => r.check.resourceType === 'azure.entra.tenant-policy').map((r) => [r.check.id, r.status])).toEqual([
      ['azure-entra-tenant-policy-legacy-auth-blocked', 'FAIL'],
      ['azure-entra-tenant-policy-mfa-enforced-admins', 'PASS'],
      ['azure-entra-tenant-policy-mfa-enforced-all-users', 'PASS'],
    ]);
  });
  it('carries one unreadable fact, which is an ERROR and not a pass', () => {
    const errors = azureChecks.flatMap((c) => runCheck(c, listings, { policy })).filter((r) => r.status === 'ERROR');
    expect(errors.map((r) => [r.check.id, r.resource.name])).toEqual([['azure-keyvault-vault-items-expire', 'kv-restricted']]);
  });
});

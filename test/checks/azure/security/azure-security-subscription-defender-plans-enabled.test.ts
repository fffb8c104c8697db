import { describe, expect, it } from 'vitest';
import check from '../../../../checks/azure/security/azure-security-subscription-defender-plans-enabled.js';
import { runCheck } from '../../../support/checks.js';
import { seen } from '../../../../src/core/observed.js';
import { deniedFact, list, subscription } from '../fixtures.js';

describe('azure-security-subscription-defender-plans-enabled', () => {
  it('passes when every watched plan is Standard', () => {
    expect(runCheck(check, [list('azure.subscription', [subscription()])])[0]?.status).toBe('PASS');
  });
  it('fails a Free plan and a plan the subscription does not list', () => {
    const sub = subscription({ defenderPlans: seen([{ name: 'VirtualMachines', pricingTier: 'Free', subPlan: null }, { name: 'SqlServers', pricingTier: 'Standard', subPlan: null }]) });
    const [r] = runCheck(check, [list('azure.subscription', [sub])]);
    expect(r?.status).toBe('FAIL');
    expect(r?.evidence).toEqual({ tiers: { VirtualMachines: 'Free', StorageAccounts: 'not offered', SqlServers: 'Standard' } });
  });
  it('is ERROR when pricings could not be read, NOT_APPLICABLE without a subscription', () => {
    expect(runCheck(check, [list('azure.subscription', [subscription({ defenderPlans: deniedFact('Microsoft.Security/pricings/read') })])]).map((r) => r.status)).toEqual(['ERROR']);
    expect(runCheck(check, [list('azure.subscription', [])]).map((r) => r.status)).toEqual(['NOT_APPLICABLE']);
  });
});

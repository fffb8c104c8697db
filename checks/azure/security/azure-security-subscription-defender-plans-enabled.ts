import { defineCheck } from '../../../src/core/check.js';
import '../../../providers/azure/model/types.js';

export default defineCheck({
  id: 'azure-security-subscription-defender-plans-enabled',
  title: 'Microsoft Defender plans for servers, storage and SQL are on in every subscription',
  provider: 'azure',
  service: 'security',
  resourceType: 'azure.subscription',
  duty: 'incident-readiness',
  severity: 'medium',
  rationale:
    'Defender plans are what raises an alert when a VM runs a crypto-miner, a storage account is read from a Tor node or a database sees SQL injection. ' +
    'On the Free tier none of those detections run, so incidents are noticed late or never.',
  remediation: {
    text: 'Switch the listed Defender plans to the Standard tier for the subscription (Defender for Cloud > Environment settings).',
    cli: 'az security pricing create --name VirtualMachines --tier Standard',
  },
  references: ['CIS Microsoft Azure Foundations 3.0.0 3.1.3.1', 'CIS Microsoft Azure Foundations 3.0.0 3.1.5.1', 'CIS Microsoft Azure Foundations 3.0.0 3.1.7.3'],
  /** Plan names as `Microsoft.Security/pricings` names them. */
  defaults: { plans: ['VirtualMachines', 'StorageAccounts', 'SqlServers'] as readonly string[] },
  assess(subscription, ctx) {
    const plans = ctx.known(subscription.data.defenderPlans);
    const tiers = Object.fromEntries(
      ctx.params.plans.map((name) => [name, plans.find((p) => p.name.toLowerCase() === name.toLowerCase())?.pricingTier ?? 'not offered']),
    );
    const off = Object.entries(tiers).filter(([, tier]) => tier.toLowerCase() !== 'standard').map(([name]) => name);
    const evidence = { tiers };
    return off.length === 0
      ? ctx.pass(`Defender is on for ${ctx.params.plans.join(', ')}`, evidence)
      : ctx.fail(`Defender is off for ${off.join(', ')}`, evidence);
  },
});

import { defineCheck } from '../../../src/core/check.js';
import type { AzureNetworkSecurityGroup } from '../../../providers/azure/model/types.js';
import { STATEFUL_PORTS, exposures, parsePortRanges, portDefaults, upgradePortParams, watchedPorts, type RuleSet } from '../../families/ports.js';

/**
 * Inbound rules by priority, the first match deciding, so a higher-priority Deny wins; the default
 * rules (not collected) admit nothing from the Internet. `*`, `Internet` and `Any` are Azure's
 * words for every address (`0.0.0.0` is an old spelling of it).
 */
const ruleSet = (nsg: AzureNetworkSecurityGroup): RuleSet => ({
  evaluation: 'first-match',
  defaultAction: 'deny',
  anywhere: ['*', 'Internet', 'Any', '0.0.0.0'],
  rules: nsg.rules
    .filter((r) => r.direction.toLowerCase() === 'inbound')
    .map((r) => ({
      id: r.name,
      action: r.access.toLowerCase() === 'allow' ? 'allow' : 'deny',
      priority: r.priority,
      protocol: r.protocol,
      ports: parsePortRanges(r.destinationPorts),
      sources: r.sourcePrefixes,
    })),
});

export default defineCheck({
  id: 'azure-network-nsg-internet-ingress-restricted',
  title: 'No network security group allows RDP, SSH or every port from the Internet',
  provider: 'azure',
  service: 'network',
  resourceType: 'azure.network.nsg',
  duty: 'network-exposure',
  severity: 'high',
  rationale:
    'Remote-administration ports open to the Internet are scanned within minutes and brute-forced continuously; a rule open on every port exposes whatever listens. ' +
    'Use Azure Bastion, a VPN or just-in-time access instead of an inbound Allow from `*`, `Internet` or `0.0.0.0/0`.',
  remediation: {
    text: 'Restrict the listed inbound rules to known source ranges or remove them; reach VMs through Azure Bastion or just-in-time VM access.',
    cli: 'az network nsg rule update --nsg-name <nsg> --resource-group <rg> --name <rule> --source-address-prefixes <cidr>',
  },
  references: ['CIS Microsoft Azure Foundations 3.0.0 7.1', 'CIS Microsoft Azure Foundations 3.0.0 7.2'],
  defaults: portDefaults(STATEFUL_PORTS),
  upgradeParams: upgradePortParams,
  assess(nsg, ctx) {
    const watched = watchedPorts(ctx.params);
    const open = exposures(ruleSet(nsg.data), watched);
    const byName = new Map(nsg.data.rules.map((r) => [r.name, r]));
    // One line per (watched port, rule): a rule open to 0.0.0.0/0 and ::/0 is one finding, not two.
    const pairs = [...new Map(open.map((e) => [`${e.label} (${e.rule})`, e])).entries()];
    const openRules = pairs.map(([, e]) => {
      const rule = byName.get(String(e.rule));
      return { rule: e.rule, priority: rule?.priority, exposes: e.label, sources: rule?.sourcePrefixes, ports: rule?.destinationPorts };
    });
    const evidence = { openRules, watched: watched.map((p) => p.label) };
    return open.length === 0
      ? ctx.pass('No inbound rule opens a watched port to the Internet', evidence)
      : ctx.fail(`Open from the Internet: ${pairs.map(([said]) => said).join(', ')}`, evidence);
  },
});

import { defineCheck } from '../../../src/core/check.js';
import type { AzureNsgRule } from '../../../providers/azure/model/types.js';

/** A port family the check watches, by name. `port: null` means "every port" (a rule open to all ports). */
export interface WatchedPort {
  readonly name: string;
  readonly port: number | null;
  /** `Tcp`, `Udp` or `*` (either). */
  readonly protocol: string;
}

const INTERNET_SOURCES = new Set(['*', 'internet', 'any', '0.0.0.0', '0.0.0.0/0', '::/0', '<nw>/0', '/0']);

const fromInternet = (rule: AzureNsgRule): boolean => rule.sourcePrefixes.some((p) => INTERNET_SOURCES.has(p.trim().toLowerCase()));

function coversPort(range: string, port: number): boolean {
  const r = range.trim();
  if (r === '*') return true;
  const [lo, hi] = r.split('-').map((x) => Number(x));
  if (lo === undefined || Number.isNaN(lo)) return false;
  return port >= lo && port <= (hi ?? lo);
}

const allPorts = (range: string): boolean => {
  const r = range.trim();
  return r === '*' || r === '0-65535' || r === '1-65535';
};

const protocolMatches = (ruleProtocol: string, wanted: string): boolean =>
  ruleProtocol === '*' || wanted === '*' || ruleProtocol.toLowerCase() === wanted.toLowerCase();

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
  defaults: {
    ports: [
      { name: 'RDP', port: 3389, protocol: 'Tcp' },
      { name: 'SSH', port: 22, protocol: 'Tcp' },
      { name: 'all ports', port: null, protocol: '*' },
    ] as readonly WatchedPort[],
  },
  assess(nsg, ctx) {
    const open: { rule: string; priority: number; exposes: string; sources: readonly string[]; ports: readonly string[] }[] = [];
    for (const rule of nsg.data.rules) {
      if (rule.direction.toLowerCase() !== 'inbound' || rule.access.toLowerCase() !== 'allow' || !fromInternet(rule)) continue;
      for (const watched of ctx.params.ports) {
        if (!protocolMatches(rule.protocol, watched.protocol)) continue;
        const hit = watched.port === null ? rule.destinationPorts.some(allPorts) : rule.destinationPorts.some((r) => coversPort(r, watched.port as number));
        if (hit) open.push({ rule: rule.name, priority: rule.priority, exposes: watched.name, sources: rule.sourcePrefixes, ports: rule.destinationPorts });
      }
    }
    const evidence = { openRules: open, watched: ctx.params.ports.map((p) => p.name) };
    return open.length === 0
      ? ctx.pass('No inbound rule opens a watched port to the Internet', evidence)
      : ctx.fail(`Open from the Internet: ${[...new Set(open.map((o) => `${o.exposes} (${o.rule})`))].join(', ')}`, evidence);
  },
});

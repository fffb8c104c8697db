import { defineCheck } from '../../../src/core/check.js';
import type { NetworkAclEntry } from '../../../providers/aws/model/index.js';
import { INTERNET_CIDRS, type PortRule } from '../lib/ports.js';

const ADMIN_PORTS: PortRule[] = [
  { port: 22, protocol: 'tcp', label: 'SSH' },
  { port: 3389, protocol: 'tcp', label: 'RDP' },
];

const PROTOCOL_NUMBERS: Record<string, string> = { tcp: '6', udp: '17' };

function entryCovers(e: NetworkAclEntry, rule: PortRule): boolean {
  if (e.protocol === '-1') return true;
  if (e.protocol !== PROTOCOL_NUMBERS[rule.protocol] && e.protocol !== rule.protocol) return false;
  // A tcp/udp entry always has a port range; without one, read it as every port (the safe side).
  return e.portRange === null || (e.portRange.from <= rule.port && rule.port <= e.portRange.to);
}

const sourceOf = (e: NetworkAclEntry): string | null => e.cidrBlock ?? e.ipv6CidrBlock;

/**
 * Which listed ports the ACL lets in from the whole internet. Rules are evaluated in rule-number
 * order and the first match decides, so a deny for 0.0.0.0/0 on a port hides later allows. Rules
 * for narrower ranges decide only for part of the internet and are left aside, as CIS does.
 */
function internetAllowedPorts(entries: readonly NetworkAclEntry[], ports: readonly PortRule[]) {
  const ingress = entries.filter((e) => !e.egress).sort((a, b) => a.ruleNumber - b.ruleNumber);
  const found: { label: string; port: number; source: string; ruleNumber: number }[] = [];
  for (const source of INTERNET_CIDRS) {
    for (const rule of ports) {
      const decisive = ingress.find((e) => sourceOf(e) === source && entryCovers(e, rule));
      if (decisive?.ruleAction === 'allow') found.push({ label: rule.label, port: rule.port, source, ruleNumber: decisive.ruleNumber });
    }
  }
  return found;
}

export default defineCheck({
  id: 'aws-ec2-network-acl-admin-ports-restricted',
  title: 'Network ACLs do not let the internet reach administration ports',
  provider: 'aws',
  service: 'ec2',
  resourceType: 'aws.ec2.network-acl',
  duty: 'network-exposure',
  severity: 'medium',
  rationale:
    'Network ACLs are the subnet-level layer under security groups. An ACL that admits 0.0.0.0/0 or ::/0 to SSH or RDP leaves one misconfigured security group between those ports and the internet\'s scanners. The default ACL of every VPC allows all inbound traffic until changed.',
  remediation: {
    text: 'Add a lower-numbered deny rule for 0.0.0.0/0 and ::/0 on the administration ports (or narrow the allow rule to the admin network\'s ranges), and reach hosts through Systems Manager Session Manager.',
    cli: 'aws ec2 create-network-acl-entry --network-acl-id ACL --ingress --rule-number 50 --protocol tcp --port-range From=22,To=22 --cidr-block 0.0.0.0/0 --rule-action deny',
  },
  defaults: { ports: ADMIN_PORTS, additionalPorts: [] as PortRule[] },
  assess(acl, ctx) {
    const exposures = internetAllowedPorts(acl.data.entries, [...ctx.params.ports, ...ctx.params.additionalPorts]);
    const evidence = { exposures, isDefault: acl.data.isDefault, subnetIds: acl.data.subnetIds };
    if (exposures.length === 0) return ctx.pass('No administration port is open to the internet', evidence);
    return ctx.fail(`Open to the internet: ${[...new Set(exposures.map((e) => e.label))].join(', ')}`, evidence);
  },
});

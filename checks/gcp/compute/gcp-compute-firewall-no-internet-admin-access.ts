import { defineCheck } from '../../../src/core/check.js';
import type { GcpFirewallPermission } from '../../../providers/gcp/model/types.js';

/** What must never be reachable from anywhere: a named port, or every port (`all`). */
interface Exposure {
  readonly name: string;
  readonly port: number | 'all';
}

const OPEN_RANGES = ['0.0.0.0/0', '::/0'];

const coversTcp = (p: GcpFirewallPermission): boolean => p.protocol === 'all' || p.protocol === 'tcp' || p.protocol === '6';

function portsAllowed(p: GcpFirewallPermission, port: number | 'all'): boolean {
  if (!coversTcp(p) && !(port === 'all' && p.protocol !== 'icmp')) return false;
  if (p.ports.length === 0) return true;
  if (port === 'all') return p.ports.some((r) => r === '0-65535' || r === '1-65535');
  return p.ports.some((range) => {
    const [from, to] = range.split('-').map(Number);
    return from !== undefined && port >= from && port <= (to ?? from);
  });
}

export default defineCheck({
  id: 'gcp-compute-firewall-no-internet-admin-access',
  title: 'No firewall rule opens SSH, RDP or all ports to the internet',
  provider: 'gcp',
  service: 'compute',
  resourceType: 'gcp.compute.firewall',
  duty: 'network-exposure',
  severity: 'high',
  defaults: {
    exposures: [
      { name: 'SSH', port: 22 },
      { name: 'RDP', port: 3389 },
      { name: 'all ports', port: 'all' },
    ] as readonly Exposure[],
  },
  rationale:
    'Administrative ports open to 0.0.0.0/0 or ::/0 are scanned and brute-forced within minutes of exposure, and a rule that allows every port exposes ' +
    'whatever happens to listen. Administrators can reach VMs through IAP TCP forwarding, a bastion or a VPN instead.',
  remediation: {
    text: 'Restrict the rule\'s source ranges to known networks (or the IAP range 35.235.240.0/20), or delete it and use IAP TCP forwarding.',
    cli: 'gcloud compute firewall-rules update RULE --source-ranges=35.235.240.0/20',
  },
  references: ['https://cloud.google.com/iap/docs/using-tcp-forwarding'],
  assess(rule, ctx) {
    const r = rule.data;
    if (r.direction !== 'INGRESS') return ctx.notApplicable('Egress rule', { direction: r.direction });
    if (r.disabled) return ctx.notApplicable('The rule is disabled', { disabled: true });
    const openRanges = r.sourceRanges.filter((range) => OPEN_RANGES.includes(range));
    if (openRanges.length === 0 || r.allowed.length === 0) {
      return ctx.pass('The rule does not allow traffic from the whole internet', { sourceRanges: r.sourceRanges });
    }
    const exposed = ctx.params.exposures.filter((e) => r.allowed.some((p) => portsAllowed(p, e.port)));
    if (exposed.length > 0) {
      return ctx.fail(`The rule opens ${exposed.map((e) => e.name).join(', ')} to ${openRanges.join(', ')}`, {
        exposures: exposed.map((e) => e.name),
        sourceRanges: openRanges,
        allowed: r.allowed,
        network: r.network,
        targetTags: r.targetTags,
      });
    }
    return ctx.pass('The rule opens no administrative port to the internet', { sourceRanges: openRanges, allowed: r.allowed });
  },
});

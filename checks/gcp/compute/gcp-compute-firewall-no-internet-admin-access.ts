import { defineCheck } from '../../../src/core/check.js';
import type { GcpFirewallPermission, GcpFirewallRule } from '../../../providers/gcp/model/types.js';
import type { Resource } from '../../../src/core/resource.js';
import { ALL_PORTS, STATEFUL_PORTS, exposedLabels, exposures, isAnywhere, parsePortRanges, portDefaults, upgradePortParams, watchedPorts, type AccessRule, type RuleSet } from '../../families/ports.js';

type Firewall = Resource<'gcp.compute.firewall'>;

const accessRules = (fw: Firewall, action: 'allow' | 'deny', permissions: readonly GcpFirewallPermission[]): AccessRule[] =>
  permissions.map((p) => ({
    id: fw.name,
    action,
    priority: fw.data.priority,
    protocol: p.protocol,
    ports: p.ports.length === 0 ? [ALL_PORTS] : parsePortRanges(p.ports),
    sources: fw.data.sourceRanges,
  }));

/** Whether the deny rule reaches every VM the allow rule does: no targets, or all of the allow rule's tags or service accounts. */
function denyCovers(deny: GcpFirewallRule, allow: GcpFirewallRule): boolean {
  if (deny.targetTags.length === 0 && deny.targetServiceAccounts.length === 0) return true;
  const within = (mine: readonly string[], theirs: readonly string[]) => mine.length > 0 && mine.every((t) => theirs.includes(t));
  return within(allow.targetTags, deny.targetTags) || within(allow.targetServiceAccounts, deny.targetServiceAccounts);
}

/**
 * What decides for the VMs this rule targets: the rule's own allows, and the enabled ingress deny
 * rules of its network that reach all of those VMs. By priority, first match, a deny winning a tie.
 * A deny that reaches only some of them decides for those only, and is left aside.
 */
function ruleSet(rule: Firewall, firewalls: readonly Firewall[]): RuleSet {
  const denies = firewalls.filter((f) => f.id !== rule.id && f.data.network === rule.data.network && f.data.direction === 'INGRESS' && !f.data.disabled && denyCovers(f.data, rule.data));
  return {
    evaluation: 'first-match',
    defaultAction: 'deny',
    rules: [...accessRules(rule, 'allow', rule.data.allowed), ...denies.flatMap((f) => accessRules(f, 'deny', f.data.denied))],
  };
}

export default defineCheck({
  id: 'gcp-compute-firewall-no-internet-admin-access',
  title: 'No firewall rule opens SSH, RDP or all ports to the internet',
  provider: 'gcp',
  service: 'compute',
  resourceType: 'gcp.compute.firewall',
  duty: 'network-exposure',
  severity: 'high',
  uses: ['gcp.compute.firewall'],
  defaults: portDefaults(STATEFUL_PORTS),
  upgradeParams: upgradePortParams,
  rationale:
    'Administrative ports open to 0.0.0.0/0 or ::/0 are scanned and brute-forced within minutes of exposure, and a rule that allows every port exposes ' +
    'whatever happens to listen. Administrators can reach VMs through IAP TCP forwarding, a bastion or a VPN instead.',
  remediation: {
    text: 'Restrict the rule\'s source ranges to known networks (or the IAP range 35.235.240.0/20), or delete it and use IAP TCP forwarding.',
    cli: 'gcloud compute firewall-rules update RULE --source-ranges=35.235.240.0/20',
  },
  references: ['https://cloud.google.com/iap/docs/using-tcp-forwarding', 'CIS Google Cloud Platform Foundation 3.0.0 3.6', 'CIS Google Cloud Platform Foundation 3.0.0 3.7'],
  assess(rule, ctx) {
    const r = rule.data;
    if (r.direction !== 'INGRESS') return ctx.notApplicable('Egress rule', { direction: r.direction });
    if (r.disabled) return ctx.notApplicable('The rule is disabled', { disabled: true });
    const openRanges = r.sourceRanges.filter((range) => isAnywhere(range));
    if (openRanges.length === 0 || r.allowed.length === 0) {
      return ctx.pass('The rule does not allow traffic from the whole internet', { sourceRanges: r.sourceRanges });
    }
    const watched = watchedPorts(ctx.params);
    const alone = exposures({ evaluation: 'first-match', defaultAction: 'deny', rules: accessRules(rule, 'allow', r.allowed) }, watched);
    if (alone.length === 0) return ctx.pass('The rule opens no administrative port to the internet', { sourceRanges: openRanges, allowed: r.allowed });
    const set = ruleSet(rule, ctx.related('gcp.compute.firewall'));
    const open = exposures(set, watched);
    const evidence = { exposures: exposedLabels(open), sourceRanges: openRanges.filter((s) => open.some((e) => e.source === s)), allowed: r.allowed, network: r.network, targetTags: r.targetTags };
    if (open.length === 0) {
      const deniedBy = [...new Set(set.rules.filter((a) => a.action === 'deny' && a.priority <= r.priority).map((a) => a.id))];
      return ctx.pass(`The rule would open ${exposedLabels(alone).join(', ')}, but higher-priority deny rules block it: ${deniedBy.join(', ')}`, { ...evidence, shadowed: exposedLabels(alone), deniedBy });
    }
    return ctx.fail(`The rule opens ${evidence.exposures.join(', ')} to ${evidence.sourceRanges.join(', ')}`, evidence);
  },
});

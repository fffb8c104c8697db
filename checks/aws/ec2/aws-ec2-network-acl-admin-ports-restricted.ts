import { defineCheck } from '../../../src/core/check.js';
import type { NetworkAclEntry } from '../../../providers/aws/model/index.js';
import { ALL_PORTS, ADMIN_PORTS, exposedLabels, exposures, portDefaults, upgradePortParams, watchedPorts, type RuleSet } from '../../families/ports.js';

/** Inbound entries in rule-number order, the first match deciding; what no entry matches is denied (the `*` rule). */
const ruleSet = (entries: readonly NetworkAclEntry[]): RuleSet => ({
  evaluation: 'first-match',
  defaultAction: 'deny',
  rules: entries
    .filter((e) => !e.egress)
    .map((e) => ({
      id: e.ruleNumber,
      action: e.ruleAction === 'allow' ? 'allow' : 'deny',
      priority: e.ruleNumber,
      protocol: e.protocol,
      // A tcp/udp entry always has a port range; without one, read it as every port (the safe side).
      ports: [e.portRange ?? ALL_PORTS],
      sources: [e.cidrBlock, e.ipv6CidrBlock].filter((c): c is string => c !== null),
    })),
});

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
  defaults: portDefaults(ADMIN_PORTS),
  upgradeParams: upgradePortParams,
  assess(acl, ctx) {
    const open = exposures(ruleSet(acl.data.entries), watchedPorts(ctx.params));
    const evidence = { exposures: open, isDefault: acl.data.isDefault, subnetIds: acl.data.subnetIds };
    if (open.length === 0) return ctx.pass('No administration port is open to the internet', evidence);
    return ctx.fail(`Open to the internet: ${exposedLabels(open).join(', ')}`, evidence);
  },
});

import { defineCheck } from '../../../src/core/check.js';
import type { SecurityGroup } from '../../../providers/aws/model/index.js';
import { ALL_PORTS, STATEFUL_PORTS, exposedLabels, exposures, portDefaults, upgradePortParams, watchedPorts, type RuleSet } from '../../families/ports.js';

/** A security group has allow rules only, in no order: any of them opens a port. */
const ruleSet = (sg: SecurityGroup): RuleSet => ({
  evaluation: 'any-allow',
  defaultAction: 'deny',
  rules: sg.ipPermissions.map((p) => ({
    id: p.ipProtocol === '-1' ? 'all traffic' : `${p.ipProtocol} ${p.fromPort === p.toPort ? p.fromPort : `${p.fromPort}-${p.toPort}`}`,
    action: 'allow',
    priority: 0,
    protocol: p.ipProtocol,
    // tcp/udp permissions always carry ports; null would be a malformed answer, read as every port (the safe side).
    ports: p.fromPort === null || p.toPort === null || (p.fromPort === -1 && p.toPort === -1) ? [ALL_PORTS] : [{ from: p.fromPort, to: p.toPort }],
    sources: [...p.ipRanges, ...p.ipv6Ranges],
  })),
});

export default defineCheck({
  id: 'aws-ec2-security-group-internet-ingress-restricted',
  title: 'Security groups do not open administration ports, or every port, to the internet',
  provider: 'aws',
  service: 'ec2',
  resourceType: 'aws.ec2.security-group',
  duty: 'network-exposure',
  severity: 'high',
  rationale:
    'SSH, RDP and other administration or database ports reachable from 0.0.0.0/0 or ::/0 are scanned and brute-forced within minutes of exposure; a rule opening every port exposes whatever listens. One table drives the ports: `ports` (SSH, RDP and all ports by default) plus `additionalPorts`.',
  remediation: {
    text: 'Replace internet-wide sources with the admin network\'s ranges or a prefix list, or drop the rule and use Systems Manager Session Manager or EC2 Instance Connect Endpoint.',
    cli: 'aws ec2 revoke-security-group-ingress --group-id SG --ip-permissions IpProtocol=tcp,FromPort=22,ToPort=22,IpRanges=[{CidrIp=0.0.0.0/0}]',
  },
  defaults: portDefaults(STATEFUL_PORTS),
  upgradeParams: upgradePortParams,
  assess(sg, ctx) {
    const open = exposures(ruleSet(sg.data), watchedPorts(ctx.params));
    if (open.length === 0) return ctx.pass('No listed port and no all-ports rule is open to the internet', { exposures: open });
    const labels = exposedLabels(open);
    // How many interfaces use the group says how urgent the fix is, not whether the rule is wrong:
    // an unused open group is one attachment away from exposure, and an unknown count is no reason to hide the finding.
    const count = sg.data.networkInterfaceCount;
    const inUse = count.ok ? count.value : null;
    const usage = inUse === null ? '' : inUse === 0 ? ' (no network interface uses the group yet)' : ` (used by ${inUse} network interface${inUse === 1 ? '' : 's'})`;
    return ctx.fail(`Open to the internet: ${labels.join(', ')}${usage}`, { exposures: open, attachedGroup: sg.data.groupName, inUse });
  },
});

import { defineCheck } from '../../../src/core/check.js';
import { internetExposures, type PortRule } from '../lib/ports.js';

const ADMIN_PORTS: PortRule[] = [
  { port: 22, protocol: 'tcp', label: 'SSH' },
  { port: 3389, protocol: 'tcp', label: 'RDP' },
];

export default defineCheck({
  id: 'aws-ec2-security-group-internet-ingress-restricted',
  title: 'Security groups do not open administration ports, or every port, to the internet',
  provider: 'aws',
  service: 'ec2',
  resourceType: 'aws.ec2.security-group',
  duty: 'network-exposure',
  severity: 'high',
  rationale:
    'SSH, RDP and other administration or database ports reachable from 0.0.0.0/0 or ::/0 are scanned and brute-forced within minutes of exposure; a rule opening every port exposes whatever listens. One table drives the ports: `ports` (SSH, RDP by default) plus `additionalPorts`.',
  remediation: {
    text: 'Replace internet-wide sources with the admin network\'s ranges or a prefix list, or drop the rule and use Systems Manager Session Manager or EC2 Instance Connect Endpoint.',
    cli: 'aws ec2 revoke-security-group-ingress --group-id SG --ip-permissions IpProtocol=tcp,FromPort=22,ToPort=22,IpRanges=[{CidrIp=0.0.0.0/0}]',
  },
  defaults: { ports: ADMIN_PORTS, additionalPorts: [] as PortRule[] },
  assess(sg, ctx) {
    const exposures = internetExposures(sg.data, [...ctx.params.ports, ...ctx.params.additionalPorts]);
    if (exposures.length === 0) return ctx.pass('No listed port and no all-ports rule is open to the internet', { exposures });
    const labels = [...new Set(exposures.map((e) => e.label))];
    // How many interfaces use the group says how urgent the fix is, not whether the rule is wrong:
    // an unused open group is one attachment away from exposure, and an unknown count is no reason to hide the finding.
    const count = sg.data.networkInterfaceCount;
    const inUse = count.ok ? count.value : null;
    const usage = inUse === null ? '' : inUse === 0 ? ' (no network interface uses the group yet)' : ` (used by ${inUse} network interface${inUse === 1 ? '' : 's'})`;
    return ctx.fail(`Open to the internet: ${labels.join(', ')}${usage}`, { exposures, attachedGroup: sg.data.groupName, inUse });
  },
});

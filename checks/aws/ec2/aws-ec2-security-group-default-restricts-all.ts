import { defineScopeCheck } from '../../../src/core/check.js';

export default defineScopeCheck({
  id: 'aws-ec2-security-group-default-restricts-all',
  title: 'Default security groups allow no traffic',
  provider: 'aws',
  service: 'ec2',
  resourceType: 'aws.ec2.security-group',
  duty: 'network-exposure',
  severity: 'medium',
  rationale:
    'Anything launched without a security group lands in the VPC\'s default group; with its out-of-the-box rules every such instance can talk to every other, so the default must allow nothing and groups be chosen on purpose.',
  remediation: {
    text: 'Move instances to purpose-made groups, then delete every inbound and outbound rule of each default group.',
    cli: 'aws ec2 revoke-security-group-ingress --group-id SG --ip-permissions "$(aws ec2 describe-security-groups --group-ids SG --query SecurityGroups[0].IpPermissions)"',
  },
  assessScope(groups, ctx) {
    const defaults = groups.filter((g) => g.data.groupName === 'default');
    if (defaults.length === 0) return ctx.notApplicable('No default security group in this region', { groups: groups.length });
    return defaults.map((g) => {
      const rules = { ingress: g.data.ipPermissions.length, egress: g.data.ipPermissionsEgress.length };
      const v = rules.ingress + rules.egress === 0
        ? ctx.pass(`The default group of ${g.data.vpcId ?? 'EC2-Classic'} has no rules`, { vpcId: g.data.vpcId, ...rules })
        : ctx.fail(`The default group of ${g.data.vpcId ?? 'EC2-Classic'} has ${rules.ingress} inbound and ${rules.egress} outbound rule(s)`, { vpcId: g.data.vpcId, ...rules });
      return { ...v, resource: g };
    });
  },
});

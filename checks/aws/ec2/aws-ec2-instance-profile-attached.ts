import { defineCheck } from '../../../src/core/check.js';

export default defineCheck({
  id: 'aws-ec2-instance-profile-attached',
  title: 'EC2 instances get AWS access through an instance profile',
  provider: 'aws',
  service: 'ec2',
  resourceType: 'aws.ec2.instance',
  duty: 'credentials',
  severity: 'low',
  rationale:
    'An instance without a role that still calls AWS does so with access keys stored on its disk, long-lived and copied into every image; an instance profile gives rotating, scoped credentials instead.',
  remediation: {
    text: 'Attach an instance profile with a role scoped to what the workload needs, then remove any access keys from the instance.',
    cli: 'aws ec2 associate-iam-instance-profile --instance-id INSTANCE --iam-instance-profile Name=PROFILE',
  },
  assess(instance, ctx) {
    const { state, iamInstanceProfileArn } = instance.data;
    if (state === 'terminated' || state === 'shutting-down') return ctx.notApplicable(`The instance is ${state}`, { state });
    return iamInstanceProfileArn !== null
      ? ctx.pass('The instance has an instance profile', { iamInstanceProfileArn })
      : ctx.fail('The instance has no instance profile', { iamInstanceProfileArn });
  },
});

import { defineCheck } from '../../../src/core/check.js';

export default defineCheck({
  id: 'aws-ec2-image-not-public',
  title: 'AMIs owned by the account are not public',
  provider: 'aws',
  service: 'ec2',
  resourceType: 'aws.ec2.image',
  duty: 'network-exposure',
  severity: 'critical',
  rationale: 'A public AMI lets any AWS account launch a copy of the machine: its disks, configuration and whatever credentials or data were baked in.',
  remediation: {
    text: 'Remove the public launch permission (and turn on the account\'s block for public AMIs).',
    cli: 'aws ec2 modify-image-attribute --image-id AMI --launch-permission \'{"Remove":[{"Group":"all"}]}\' && aws ec2 enable-image-block-public-access --image-block-public-access-state block-new-sharing',
  },
  assess(image, ctx) {
    return image.data.public
      ? ctx.fail('The image is public', { public: true, state: image.data.state })
      : ctx.pass('The image is not public', { public: false, state: image.data.state });
  },
});

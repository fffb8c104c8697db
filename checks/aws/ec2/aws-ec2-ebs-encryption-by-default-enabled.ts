import { defineCheck } from '../../../src/core/check.js';

export default defineCheck({
  id: 'aws-ec2-ebs-encryption-by-default-enabled',
  title: 'EBS encryption by default is on in every scanned region',
  provider: 'aws',
  service: 'ec2',
  resourceType: 'aws.ec2.ebs-encryption-default',
  duty: 'encryption-at-rest',
  severity: 'high',
  rationale:
    'With encryption by default, every new volume and snapshot copy in the region is encrypted whoever creates it and however; without it, one forgotten flag in a template leaves data unencrypted. The setting is per region.',
  remediation: {
    text: 'Enable EBS encryption by default in the region (optionally with a customer-managed default key).',
    cli: 'aws ec2 enable-ebs-encryption-by-default --region REGION',
  },
  assess(setting, ctx) {
    const enabled = setting.data.ebsEncryptionByDefault;
    return enabled
      ? ctx.pass(`EBS encryption by default is on in ${setting.region}`, { ebsEncryptionByDefault: true })
      : ctx.fail(`EBS encryption by default is off in ${setting.region}`, { ebsEncryptionByDefault: false });
  },
});

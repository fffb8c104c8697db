import { defineCheck } from '../../../src/core/check.js';

export default defineCheck({
  id: 'aws-ec2-volume-encrypted',
  title: 'EBS volumes are encrypted',
  provider: 'aws',
  service: 'ec2',
  resourceType: 'aws.ec2.volume',
  duty: 'encryption-at-rest',
  severity: 'high',
  rationale: 'Turning on encryption by default does not encrypt volumes that already exist; an unencrypted volume and every snapshot of it hold the data in the clear.',
  remediation: {
    text: 'Snapshot the volume, copy the snapshot with encryption, create a volume from the copy and swap it in during a maintenance window.',
    cli: 'aws ec2 copy-snapshot --source-snapshot-id SNAP --source-region REGION --encrypted --kms-key-id KEY',
  },
  assess(volume, ctx) {
    const { encrypted, kmsKeyId } = volume.data;
    return encrypted
      ? ctx.pass('The volume is encrypted', { encrypted, kmsKeyId })
      : ctx.fail('The volume is not encrypted', { encrypted, attachedTo: volume.data.attachments.map((a) => a.instanceId) });
  },
});

import { defineCheck } from '../../../src/core/check.js';

export default defineCheck({
  id: 'aws-ec2-snapshot-encrypted',
  title: 'EBS snapshots are encrypted',
  provider: 'aws',
  service: 'ec2',
  resourceType: 'aws.ec2.snapshot',
  duty: 'encryption-at-rest',
  severity: 'medium',
  rationale: 'Snapshots are full copies of a disk that outlive it and are easy to share or copy to another account; unencrypted, they carry the data in the clear.',
  remediation: {
    text: 'Copy the snapshot with encryption, point restores and AMIs at the copy, and delete the unencrypted original.',
    cli: 'aws ec2 copy-snapshot --source-snapshot-id SNAP --source-region REGION --encrypted',
  },
  assess(snapshot, ctx) {
    const { encrypted, kmsKeyId, volumeId } = snapshot.data;
    return encrypted
      ? ctx.pass('The snapshot is encrypted', { encrypted, kmsKeyId })
      : ctx.fail('The snapshot is not encrypted', { encrypted, volumeId });
  },
});

import { defineCheck } from '../../../src/core/check.js';

export default defineCheck({
  id: 'aws-ec2-snapshot-not-public',
  title: 'EBS snapshots are not restorable by everyone',
  provider: 'aws',
  service: 'ec2',
  resourceType: 'aws.ec2.snapshot',
  duty: 'network-exposure',
  severity: 'critical',
  rationale: 'A public snapshot can be restored by any AWS account as a full copy of the disk, databases and keys included; researchers find thousands of them.',
  remediation: {
    text: 'Remove the "all" create-volume permission, and turn on snapshot Block Public Access for the region.',
    cli: 'aws ec2 modify-snapshot-attribute --snapshot-id SNAP --attribute createVolumePermission --operation-type remove --group-names all',
  },
  assess(snapshot, ctx) {
    const publiclyRestorable = ctx.known(snapshot.data.publiclyRestorable);
    return publiclyRestorable
      ? ctx.fail('Any AWS account can restore this snapshot', { publiclyRestorable })
      : ctx.pass('The snapshot is not public', { publiclyRestorable });
  },
});

import { defineCheck } from '../../../src/core/check.js';

export default defineCheck({
  id: 'aws-rds-cluster-snapshot-encrypted',
  title: 'RDS DB cluster snapshots are encrypted',
  provider: 'aws',
  service: 'rds',
  resourceType: 'aws.rds.cluster-snapshot',
  duty: 'encryption-at-rest',
  severity: 'high',
  rationale: 'A cluster snapshot holds the whole cluster volume; one taken from an unencrypted cluster is unencrypted too, and so is every cluster restored from it unless a KMS key is given.',
  remediation: {
    text: 'Copy the snapshot with a KMS key, delete the unencrypted original, and move the source cluster to encrypted storage.',
    cli: 'aws rds copy-db-cluster-snapshot --source-db-cluster-snapshot-identifier SNAPSHOT --target-db-cluster-snapshot-identifier SNAPSHOT-enc --kms-key-id KEY',
  },
  assess(r, ctx) {
    const { encrypted, kmsKeyId } = r.data;
    return encrypted
      ? ctx.pass('The snapshot is encrypted', { encrypted, kmsKeyId })
      : ctx.fail('The snapshot is not encrypted', { encrypted, kmsKeyId });
  },
});

import { defineCheck } from '../../../src/core/check.js';

export default defineCheck({
  id: 'aws-rds-db-snapshot-encrypted',
  title: 'RDS DB snapshots are encrypted',
  provider: 'aws',
  service: 'rds',
  resourceType: 'aws.rds.db-snapshot',
  duty: 'encryption-at-rest',
  severity: 'high',
  rationale: 'A snapshot holds the whole database; one taken from an unencrypted instance is unencrypted too, and every copy and restore of it stays so unless a KMS key is given on copy.',
  remediation: {
    text: 'Copy the snapshot with a KMS key, delete the unencrypted original, and encrypt the source instance.',
    cli: 'aws rds copy-db-snapshot --source-db-snapshot-identifier SNAPSHOT --target-db-snapshot-identifier SNAPSHOT-enc --kms-key-id KEY',
  },
  assess(r, ctx) {
    const { encrypted, kmsKeyId } = r.data;
    return encrypted
      ? ctx.pass('The snapshot is encrypted', { encrypted, kmsKeyId })
      : ctx.fail('The snapshot is not encrypted', { encrypted, kmsKeyId });
  },
});

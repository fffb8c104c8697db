import { defineCheck } from '../../../src/core/check.js';

export default defineCheck({
  id: 'aws-rds-instance-storage-encrypted',
  title: 'RDS database instances encrypt their storage',
  provider: 'aws',
  service: 'rds',
  resourceType: 'aws.rds.instance',
  duty: 'encryption-at-rest',
  severity: 'high',
  rationale: 'Encryption covers the instance\'s storage, automated backups, read replicas and snapshots; it can only be chosen at creation, so an unencrypted database stays so until migrated.',
  remediation: {
    text: 'Take a snapshot, copy it with a KMS key, restore an encrypted instance from the copy and cut over.',
    cli: 'aws rds copy-db-snapshot --source-db-snapshot-identifier SNAP --target-db-snapshot-identifier SNAP-enc --kms-key-id KEY',
  },
  assess(db, ctx) {
    const { storageEncrypted, kmsKeyId } = db.data;
    return storageEncrypted
      ? ctx.pass('Storage is encrypted', { storageEncrypted, kmsKeyId })
      : ctx.fail('Storage is not encrypted', { storageEncrypted, engine: db.data.engine });
  },
});

import { defineCheck } from '../../../src/core/check.js';

export default defineCheck({
  id: 'aws-elasticache-replication-group-at-rest-encrypted',
  title: 'ElastiCache replication groups encrypt data at rest',
  provider: 'aws',
  service: 'elasticache',
  resourceType: 'aws.elasticache.replication-group',
  duty: 'encryption-at-rest',
  severity: 'high',
  rationale: 'Caches hold sessions, tokens and copies of database rows; at-rest encryption covers the disks used for swap, sync and backups in S3. It can only be chosen when the group is created.',
  remediation: {
    text: 'Create an encrypted replication group (optionally from a backup of this one), switch clients, and delete the old one.',
    cli: 'aws elasticache create-replication-group --replication-group-id NEW --replication-group-description DESC --at-rest-encryption-enabled --snapshot-name SNAPSHOT',
  },
  assess(r, ctx) {
    const { atRestEncryptionEnabled, kmsKeyId } = r.data;
    return atRestEncryptionEnabled
      ? ctx.pass('Data at rest is encrypted', { atRestEncryptionEnabled, kmsKeyId })
      : ctx.fail('Data at rest is not encrypted', { atRestEncryptionEnabled, kmsKeyId });
  },
});

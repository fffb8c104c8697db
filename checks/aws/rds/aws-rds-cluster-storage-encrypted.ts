import { defineCheck } from '../../../src/core/check.js';

export default defineCheck({
  id: 'aws-rds-cluster-storage-encrypted',
  title: 'RDS and Aurora clusters encrypt their storage',
  provider: 'aws',
  service: 'rds',
  resourceType: 'aws.rds.cluster',
  duty: 'encryption-at-rest',
  severity: 'high',
  rationale: 'A cluster\'s shared storage volume, its backups and snapshots are encrypted only if the cluster was created encrypted.',
  remediation: {
    text: 'Snapshot the cluster, restore it from the snapshot with a KMS key, and cut over.',
    cli: 'aws rds restore-db-cluster-from-snapshot --db-cluster-identifier NEW --snapshot-identifier SNAP --engine ENGINE --kms-key-id KEY',
  },
  assess(cluster, ctx) {
    const { storageEncrypted, kmsKeyId } = cluster.data;
    return storageEncrypted
      ? ctx.pass('Cluster storage is encrypted', { storageEncrypted, kmsKeyId })
      : ctx.fail('Cluster storage is not encrypted', { storageEncrypted, engine: cluster.data.engine });
  },
});

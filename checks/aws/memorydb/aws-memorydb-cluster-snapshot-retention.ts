import { defineCheck } from '../../../src/core/check.js';
import { assessRetention } from '../lib/retention.js';

export default defineCheck({
  id: 'aws-memorydb-cluster-snapshot-retention',
  title: 'MemoryDB clusters keep automatic snapshots for the required number of days',
  provider: 'aws',
  service: 'memorydb',
  resourceType: 'aws.memorydb.cluster',
  duty: 'backups',
  severity: 'medium',
  rationale: 'MemoryDB is used as a primary database; its transaction log protects against node failure, not against a bad write or a deleted cluster. Automatic snapshots are the restore point for those.',
  remediation: {
    text: 'Set the snapshot retention limit to at least the required days (up to 35).',
    cli: 'aws memorydb update-cluster --cluster-name CLUSTER --snapshot-retention-limit 7',
  },
  defaults: { minRetentionDays: 7 },
  assess(r, ctx) {
    return assessRetention(r.data.snapshotRetentionLimit, ctx.params.minRetentionDays, ctx, 'Automatic snapshots');
  },
});

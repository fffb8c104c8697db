import { defineCheck } from '../../../src/core/check.js';
import { assessRetention } from '../lib/retention.js';

export default defineCheck({
  id: 'aws-elasticache-replication-group-snapshot-retention',
  title: 'ElastiCache replication groups keep automatic snapshots for the required number of days',
  provider: 'aws',
  service: 'elasticache',
  resourceType: 'aws.elasticache.replication-group',
  duty: 'backups',
  severity: 'medium',
  rationale: 'With snapshot retention at 0 no automatic backup is taken: a flushed or corrupted cache that is also a primary store (sessions, queues, leaderboards) cannot be restored.',
  remediation: {
    text: 'Set the snapshot retention limit to at least the required days (up to 35).',
    cli: 'aws elasticache modify-replication-group --replication-group-id GROUP --snapshot-retention-limit 7 --apply-immediately',
  },
  defaults: { minRetentionDays: 1 },
  assess(r, ctx) {
    return assessRetention(r.data.snapshotRetentionLimit, ctx.params.minRetentionDays, ctx, 'Automatic snapshots');
  },
});

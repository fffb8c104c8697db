import { defineCheck } from '../../../src/core/check.js';

export default defineCheck({
  id: 'aws-rds-cluster-backup-retention',
  title: 'RDS and Aurora clusters keep automated backups for the required number of days',
  provider: 'aws',
  service: 'rds',
  resourceType: 'aws.rds.cluster',
  duty: 'backups',
  severity: 'medium',
  rationale: 'Clusters always keep at least one day of continuous backup; the contract usually needs a longer point-in-time window.',
  remediation: {
    text: 'Set the cluster\'s backup retention period to at least the required days (up to 35).',
    cli: 'aws rds modify-db-cluster --db-cluster-identifier CLUSTER --backup-retention-period 14 --apply-immediately',
  },
  defaults: { minRetentionDays: 7 },
  assess(cluster, ctx) {
    const { backupRetentionPeriod } = cluster.data;
    const evidence = { backupRetentionPeriod, minRetentionDays: ctx.params.minRetentionDays };
    return backupRetentionPeriod >= ctx.params.minRetentionDays
      ? ctx.pass(`Backups are kept ${backupRetentionPeriod} days`, evidence)
      : ctx.fail(`Backups are kept ${backupRetentionPeriod} day(s), fewer than ${ctx.params.minRetentionDays}`, evidence);
  },
});

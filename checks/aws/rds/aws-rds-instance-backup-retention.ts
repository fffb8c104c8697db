import { defineCheck } from '../../../src/core/check.js';

export default defineCheck({
  id: 'aws-rds-instance-backup-retention',
  title: 'RDS instances keep automated backups for the required number of days',
  provider: 'aws',
  service: 'rds',
  resourceType: 'aws.rds.instance',
  duty: 'backups',
  severity: 'medium',
  rationale: 'Automated backups give point-in-time recovery within the retention period; zero turns them off, and a short period may be less than the contract promises to restore.',
  remediation: {
    text: 'Set the backup retention period to at least the required days (up to 35).',
    cli: 'aws rds modify-db-instance --db-instance-identifier DB --backup-retention-period 14 --apply-immediately',
  },
  defaults: { minRetentionDays: 7 },
  assess(db, ctx) {
    const { backupRetentionPeriod, dbClusterIdentifier } = db.data;
    if (dbClusterIdentifier !== null) return ctx.notApplicable('Cluster member: backups are the cluster\'s', { dbClusterIdentifier });
    const evidence = { backupRetentionPeriod, minRetentionDays: ctx.params.minRetentionDays };
    if (backupRetentionPeriod === 0) return ctx.fail('Automated backups are off', evidence);
    return backupRetentionPeriod >= ctx.params.minRetentionDays
      ? ctx.pass(`Backups are kept ${backupRetentionPeriod} days`, evidence)
      : ctx.fail(`Backups are kept ${backupRetentionPeriod} days, fewer than ${ctx.params.minRetentionDays}`, evidence);
  },
});

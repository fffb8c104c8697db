import { defineCheck } from '../../../src/core/check.js';
import type {} from '../../../providers/gcp/model/types.js';

export default defineCheck({
  id: 'gcp-sql-instance-point-in-time-recovery-enabled',
  title: 'Cloud SQL instances can be restored to any point in time',
  provider: 'gcp',
  service: 'sql',
  resourceType: 'gcp.sql.instance',
  duty: 'backups',
  severity: 'medium',
  rationale:
    'Daily backups alone lose up to a day of writes; point-in-time recovery replays the logs to just before a bad migration, a deletion or a corruption.',
  remediation: {
    text: 'Enable point-in-time recovery (binary logging on MySQL) on the instance.',
    cli: 'gcloud sql instances patch INSTANCE --enable-point-in-time-recovery',
  },
  references: ['https://cloud.google.com/sql/docs/postgres/backup-recovery/pitr'],
  assess(instance, ctx) {
    if (instance.data.instanceType !== 'CLOUD_SQL_INSTANCE') {
      return ctx.notApplicable(`A ${instance.data.instanceType} is recovered through its primary`, { instanceType: instance.data.instanceType });
    }
    const evidence = { backupEnabled: instance.data.backupEnabled, pointInTimeRecovery: instance.data.pointInTimeRecovery };
    return instance.data.pointInTimeRecovery
      ? ctx.pass('Point-in-time recovery is on', evidence)
      : ctx.fail('Point-in-time recovery is off', evidence);
  },
});

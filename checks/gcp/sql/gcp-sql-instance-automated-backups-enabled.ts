import { defineCheck } from '../../../src/core/check.js';
import type {} from '../../../providers/gcp/model/types.js';

export default defineCheck({
  id: 'gcp-sql-instance-automated-backups-enabled',
  title: 'Cloud SQL instances take automated backups',
  provider: 'gcp',
  service: 'sql',
  resourceType: 'gcp.sql.instance',
  duty: 'backups',
  severity: 'high',
  rationale:
    'Automated backups (with point-in-time recovery) are what lets a database come back after corruption, a bad migration or deletion. ' +
    'Read replicas copy their primary and are backed up through it.',
  remediation: {
    text: 'Enable automated backups and point-in-time recovery on the instance, with a retention that meets the contract.',
    cli: 'gcloud sql instances patch INSTANCE --backup-start-time=03:00 --enable-point-in-time-recovery',
  },
  references: ['https://cloud.google.com/sql/docs/mysql/backup-recovery/backups', 'CIS Google Cloud Platform Foundation 3.0.0 6.7'],
  assess(instance, ctx) {
    if (instance.data.instanceType !== 'CLOUD_SQL_INSTANCE') {
      return ctx.notApplicable(`A ${instance.data.instanceType} is backed up through its primary`, { instanceType: instance.data.instanceType });
    }
    const evidence = { backupEnabled: instance.data.backupEnabled, pointInTimeRecovery: instance.data.pointInTimeRecovery };
    return instance.data.backupEnabled
      ? ctx.pass('Automated backups are on', evidence)
      : ctx.fail('Automated backups are off', evidence);
  },
});

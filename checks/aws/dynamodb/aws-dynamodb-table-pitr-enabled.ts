import { defineCheck } from '../../../src/core/check.js';

export default defineCheck({
  id: 'aws-dynamodb-table-pitr-enabled',
  title: 'DynamoDB tables have point-in-time recovery enabled',
  provider: 'aws',
  service: 'dynamodb',
  resourceType: 'aws.dynamodb.table',
  duty: 'backups',
  severity: 'medium',
  rationale: 'Without point-in-time recovery a table overwritten or emptied by a faulty deployment, a script or ransomware can only be restored from on-demand backups, if anyone took one; with it, any second of the recovery period can be restored.',
  remediation: {
    text: 'Enable point-in-time recovery on the table (35 days by default).',
    cli: 'aws dynamodb update-continuous-backups --table-name TABLE --point-in-time-recovery-specification PointInTimeRecoveryEnabled=true',
  },
  assess(table, ctx) {
    const pitr = ctx.known(table.data.pointInTimeRecovery);
    return pitr.enabled
      ? ctx.pass(`Point-in-time recovery is on${pitr.recoveryPeriodInDays !== null ? ` (${pitr.recoveryPeriodInDays} days)` : ''}`, pitr)
      : ctx.fail('Point-in-time recovery is off', pitr);
  },
});

import { defineCheck } from '../../../src/core/check.js';
import type {} from '../../../providers/gcp/model/types.js';
import { judgeSqlFlag } from '../support.js';

export default defineCheck({
  id: 'gcp-sql-instance-sqlserver-cross-db-ownership-chaining-disabled',
  title: 'Cloud SQL for SQL Server instances have cross-database ownership chaining off',
  provider: 'gcp',
  service: 'sql',
  resourceType: 'gcp.sql.instance',
  duty: 'least-privilege',
  severity: 'medium',
  rationale:
    'Cross-database ownership chaining lets the owner of one database reach objects in another without a permission check there.',
  remediation: {
    text: 'Set the database flag cross db ownership chaining to off.',
    cli: 'gcloud sql instances patch INSTANCE --database-flags="cross db ownership chaining"=off',
  },
  references: ['https://cloud.google.com/sql/docs/sqlserver/flags', 'CIS Google Cloud Platform Foundation 3.0.0 6.3.2'],
  assess(instance, ctx) {
    return judgeSqlFlag(instance, ctx, { engine: 'SQLSERVER', flag: 'cross db ownership chaining', expected: 'off', unset: 'off' });
  },
});

import { defineCheck } from '../../../src/core/check.js';
import type {} from '../../../providers/gcp/model/types.js';
import { judgeSqlFlag } from '../support.js';

export default defineCheck({
  id: 'gcp-sql-instance-sqlserver-contained-db-authentication-disabled',
  title: 'Cloud SQL for SQL Server instances have contained database authentication off',
  provider: 'gcp',
  service: 'sql',
  resourceType: 'gcp.sql.instance',
  duty: 'least-privilege',
  severity: 'medium',
  rationale:
    'Contained databases authenticate their own users, outside the instance\'s logins and their review; a database owner can grant access nobody sees at the instance level.',
  remediation: {
    text: 'Set the database flag contained database authentication to off.',
    cli: 'gcloud sql instances patch INSTANCE --database-flags="contained database authentication"=off',
  },
  references: ['https://cloud.google.com/sql/docs/sqlserver/flags', 'CIS Google Cloud Platform Foundation 3.0.0 6.3.7'],
  assess(instance, ctx) {
    return judgeSqlFlag(instance, ctx, { engine: 'SQLSERVER', flag: 'contained database authentication', expected: 'off', unset: 'off' });
  },
});

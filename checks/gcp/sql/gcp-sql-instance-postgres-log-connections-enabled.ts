import { defineCheck } from '../../../src/core/check.js';
import type {} from '../../../providers/gcp/model/types.js';
import { judgeSqlFlag } from '../support.js';

export default defineCheck({
  id: 'gcp-sql-instance-postgres-log-connections-enabled',
  title: 'Cloud SQL for PostgreSQL instances log every connection',
  provider: 'gcp',
  service: 'sql',
  resourceType: 'gcp.sql.instance',
  duty: 'logging',
  severity: 'medium',
  rationale:
    'PostgreSQL does not log connection attempts by default; without them an investigation cannot tell who connected from where, or spot a password-guessing run.',
  remediation: {
    text: 'Set the database flag log_connections to on.',
    cli: 'gcloud sql instances patch INSTANCE --database-flags=log_connections=on',
  },
  references: ['https://cloud.google.com/sql/docs/postgres/flags', 'CIS Google Cloud Platform Foundation 3.0.0 6.2.2'],
  assess(instance, ctx) {
    return judgeSqlFlag(instance, ctx, { engine: 'POSTGRES', flag: 'log_connections', expected: 'on', unset: 'off' });
  },
});

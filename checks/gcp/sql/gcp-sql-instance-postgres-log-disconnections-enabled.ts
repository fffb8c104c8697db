import { defineCheck } from '../../../src/core/check.js';
import type {} from '../../../providers/gcp/model/types.js';
import { judgeSqlFlag } from '../support.js';

export default defineCheck({
  id: 'gcp-sql-instance-postgres-log-disconnections-enabled',
  title: 'Cloud SQL for PostgreSQL instances log the end of every session',
  provider: 'gcp',
  service: 'sql',
  resourceType: 'gcp.sql.instance',
  duty: 'logging',
  severity: 'medium',
  rationale:
    'Disconnection records give each session its duration; with the connection log they show how long an intruder stayed.',
  remediation: {
    text: 'Set the database flag log_disconnections to on.',
    cli: 'gcloud sql instances patch INSTANCE --database-flags=log_disconnections=on',
  },
  references: ['https://cloud.google.com/sql/docs/postgres/flags', 'CIS Google Cloud Platform Foundation 3.0.0 6.2.3'],
  assess(instance, ctx) {
    return judgeSqlFlag(instance, ctx, { engine: 'POSTGRES', flag: 'log_disconnections', expected: 'on', unset: 'off' });
  },
});

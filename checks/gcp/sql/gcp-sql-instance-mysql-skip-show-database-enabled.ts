import { defineCheck } from '../../../src/core/check.js';
import type {} from '../../../providers/gcp/model/types.js';
import { judgeSqlFlag } from '../support.js';

export default defineCheck({
  id: 'gcp-sql-instance-mysql-skip-show-database-enabled',
  title: 'Cloud SQL for MySQL instances hide the database list from users without the privilege',
  provider: 'gcp',
  service: 'sql',
  resourceType: 'gcp.sql.instance',
  duty: 'least-privilege',
  severity: 'medium',
  rationale:
    'Without skip_show_database every user can list every database on the instance, which tells an intruder where the data is.',
  remediation: {
    text: 'Set the database flag skip_show_database to on.',
    cli: 'gcloud sql instances patch INSTANCE --database-flags=skip_show_database=on',
  },
  references: ['https://cloud.google.com/sql/docs/mysql/flags', 'CIS Google Cloud Platform Foundation 3.0.0 6.1.2'],
  assess(instance, ctx) {
    return judgeSqlFlag(instance, ctx, { engine: 'MYSQL', flag: 'skip_show_database', expected: 'on', unset: 'off' });
  },
});

import { defineCheck } from '../../../src/core/check.js';
import type {} from '../../../providers/gcp/model/types.js';
import { judgeSqlFlag } from '../support.js';

export default defineCheck({
  id: 'gcp-sql-instance-mysql-local-infile-disabled',
  title: 'Cloud SQL for MySQL instances refuse LOAD DATA LOCAL INFILE',
  provider: 'gcp',
  service: 'sql',
  resourceType: 'gcp.sql.instance',
  duty: 'least-privilege',
  severity: 'medium',
  rationale:
    'With local_infile on, a client (or an injected query) can make the server read files from the client host; the benchmark asks for the flag to be set off explicitly.',
  remediation: {
    text: 'Set the database flag local_infile to off.',
    cli: 'gcloud sql instances patch INSTANCE --database-flags=local_infile=off',
  },
  references: ['https://cloud.google.com/sql/docs/mysql/flags', 'CIS Google Cloud Platform Foundation 3.0.0 6.1.3'],
  assess(instance, ctx) {
    return judgeSqlFlag(instance, ctx, { engine: 'MYSQL', flag: 'local_infile', expected: 'off', unset: null });
  },
});

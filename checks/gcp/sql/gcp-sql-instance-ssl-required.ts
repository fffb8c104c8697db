import { defineCheck } from '../../../src/core/check.js';
import type {} from '../../../providers/gcp/model/types.js';

const ENCRYPTED_MODES = ['ENCRYPTED_ONLY', 'TRUSTED_CLIENT_CERTIFICATE_REQUIRED'];

export default defineCheck({
  id: 'gcp-sql-instance-ssl-required',
  title: 'Cloud SQL instances accept only encrypted connections',
  provider: 'gcp',
  service: 'sql',
  resourceType: 'gcp.sql.instance',
  duty: 'encryption-in-transit',
  severity: 'high',
  rationale:
    'Unless the instance refuses unencrypted connections, a misconfigured client sends credentials and query results in clear text ' +
    'over whatever network lies between it and the database.',
  remediation: {
    text: 'Set the SSL mode to ENCRYPTED_ONLY (or TRUSTED_CLIENT_CERTIFICATE_REQUIRED where clients hold certificates).',
    cli: 'gcloud sql instances patch INSTANCE --ssl-mode=ENCRYPTED_ONLY',
  },
  references: ['https://cloud.google.com/sql/docs/mysql/configure-ssl-instance', 'CIS Google Cloud Platform Foundation 3.0.0 6.4'],
  assess(instance, ctx) {
    const { sslMode, requireSsl } = instance.data;
    const encrypted = sslMode !== null ? ENCRYPTED_MODES.includes(sslMode) : requireSsl;
    return encrypted
      ? ctx.pass('Only encrypted connections are accepted', { sslMode, requireSsl })
      : ctx.fail('Unencrypted connections are accepted', { sslMode, requireSsl });
  },
});

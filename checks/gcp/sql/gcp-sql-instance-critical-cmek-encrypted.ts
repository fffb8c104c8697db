import { defineCheck } from '../../../src/core/check.js';
import type {} from '../../../providers/gcp/model/types.js';
import { criticalGlob } from '../../../src/core/critical.js';

export default defineCheck({
  id: 'gcp-sql-instance-critical-cmek-encrypted',
  title: 'Cloud SQL instances holding critical data are encrypted with a customer-managed key',
  provider: 'gcp',
  service: 'sql',
  resourceType: 'gcp.sql.instance',
  duty: 'encryption-at-rest',
  severity: 'medium',
  rationale:
    'Google encrypts every instance, but with keys the customer neither controls nor can revoke. For critical data a contract often requires a Cloud KMS key, so access can be cut off and key use is audited.',
  remediation: {
    text: 'Create a new instance with a customer-managed key and migrate the data (the key cannot be added to an existing instance).',
    cli: 'gcloud sql instances create INSTANCE-cmek --disk-encryption-key=projects/P/locations/L/keyRings/R/cryptoKeys/K',
  },
  references: ['https://cloud.google.com/sql/docs/postgres/cmek'],
  assess(instance, ctx) {
    if (ctx.policy.criticalResources.length === 0) return ctx.notAssessed('policy.criticalResources', { critical: null });
    const matched = criticalGlob(instance, ctx.policy.criticalResources);
    if (matched === null) return ctx.notApplicable('Not a critical resource under policy.criticalResources', { critical: false });
    const evidence = { criticalMatch: matched, kmsKeyName: instance.data.kmsKeyName };
    return instance.data.kmsKeyName !== null
      ? ctx.pass('Encrypted with a Cloud KMS key', evidence)
      : ctx.fail('Encrypted with a Google-managed key only', evidence);
  },
});

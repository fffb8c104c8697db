import { defineCheck } from '../../../src/core/check.js';
import type {} from '../../../providers/gcp/model/types.js';

export default defineCheck({
  id: 'gcp-bigquery-dataset-cmek-default',
  title: 'BigQuery datasets encrypt new tables with a customer-managed key by default',
  provider: 'gcp',
  service: 'bigquery',
  resourceType: 'gcp.bigquery.dataset',
  duty: 'encryption-at-rest',
  severity: 'medium',
  rationale:
    'A default Cloud KMS key on the dataset gives every new table a key the customer controls and can revoke, without relying on each load job to name one.',
  remediation: {
    text: 'Set a default Cloud KMS key on the dataset (existing tables keep their key until they are copied or rewritten).',
    cli: 'bq update --default_kms_key=projects/P/locations/L/keyRings/R/cryptoKeys/K PROJECT:DATASET',
  },
  references: ['https://cloud.google.com/bigquery/docs/customer-managed-encryption', 'CIS Google Cloud Platform Foundation 3.0.0 7.3'],
  assess(dataset, ctx) {
    const { defaultKmsKeyName } = dataset.data;
    return defaultKmsKeyName !== null
      ? ctx.pass('New tables are encrypted with a Cloud KMS key by default', { defaultKmsKeyName })
      : ctx.fail('No default customer-managed key: new tables use Google-managed encryption', { defaultKmsKeyName });
  },
});

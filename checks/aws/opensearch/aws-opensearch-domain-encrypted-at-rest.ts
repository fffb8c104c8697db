import { defineCheck } from '../../../src/core/check.js';

export default defineCheck({
  id: 'aws-opensearch-domain-encrypted-at-rest',
  title: 'OpenSearch domains encrypt data at rest',
  provider: 'aws',
  service: 'opensearch',
  resourceType: 'aws.opensearch.domain',
  duty: 'encryption-at-rest',
  severity: 'high',
  rationale: 'Search domains hold copies of logs, documents and customer records; encryption at rest covers indices, swap, logs and automated snapshots.',
  remediation: {
    text: 'Enable encryption at rest on the domain (domains on OpenSearch or Elasticsearch 6.7 and later can be changed in place).',
    cli: 'aws opensearch update-domain-config --domain-name DOMAIN --encryption-at-rest-options Enabled=true,KmsKeyId=KEY_ARN',
  },
  assess(r, ctx) {
    const { encryptionAtRest, kmsKeyId } = r.data;
    if (r.data.deleted) return ctx.notApplicable('The domain is being deleted', { deleted: true });
    return encryptionAtRest
      ? ctx.pass('Data at rest is encrypted', { encryptionAtRest, kmsKeyId })
      : ctx.fail('Data at rest is not encrypted', { encryptionAtRest, kmsKeyId });
  },
});

import { defineCheck } from '../../../src/core/check.js';
import type {} from '../../../providers/gcp/model/types.js';

export default defineCheck({
  id: 'gcp-pubsub-topic-cmek-encrypted',
  title: 'Pub/Sub topics store their messages under a customer-managed key',
  provider: 'gcp',
  service: 'pubsub',
  resourceType: 'gcp.pubsub.topic',
  duty: 'encryption-at-rest',
  severity: 'low',
  rationale:
    'Messages wait in Pub/Sub for up to the retention period; with a Cloud KMS key the customer controls, and can revoke, access to that data at rest.',
  remediation: {
    text: 'Set a Cloud KMS key on the topic.',
    cli: 'gcloud pubsub topics update TOPIC --topic-encryption-key=projects/P/locations/L/keyRings/R/cryptoKeys/K',
  },
  references: ['https://cloud.google.com/pubsub/docs/encryption'],
  assess(topic, ctx) {
    const { kmsKeyName } = topic.data;
    return kmsKeyName !== null
      ? ctx.pass('Messages are encrypted with a Cloud KMS key', { kmsKeyName })
      : ctx.fail('Messages are encrypted with a Google-managed key only', { kmsKeyName });
  },
});

import { defineCheck } from '../../../src/core/check.js';
import type {} from '../../../providers/gcp/model/types.js';
import { judgePublicPolicy } from '../support.js';

export default defineCheck({
  id: 'gcp-pubsub-topic-not-public',
  title: 'Pub/Sub topics grant nothing to allUsers or allAuthenticatedUsers',
  provider: 'gcp',
  service: 'pubsub',
  resourceType: 'gcp.pubsub.topic',
  duty: 'network-exposure',
  severity: 'high',
  rationale:
    'A public binding on a topic lets anyone publish into the pipelines behind it, or attach a subscription and read every message.',
  remediation: {
    text: 'Remove the allUsers and allAuthenticatedUsers members from the topic\'s IAM policy.',
    cli: 'gcloud pubsub topics remove-iam-policy-binding TOPIC --member=allUsers --role=ROLE',
  },
  references: ['https://cloud.google.com/pubsub/docs/access-control'],
  assess(topic, ctx) {
    return judgePublicPolicy(ctx.known(topic.data.iamBindings), ctx, 'topic');
  },
});

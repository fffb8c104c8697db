import { defineCheck } from '../../../src/core/check.js';

export default defineCheck({
  id: 'aws-sns-topic-kms-encrypted',
  title: 'SNS topics encrypt messages at rest with KMS',
  provider: 'aws',
  service: 'sns',
  resourceType: 'aws.sns.topic',
  duty: 'encryption-at-rest',
  severity: 'medium',
  rationale: 'SNS stores messages until every subscriber has them. Server-side encryption with a KMS key is off unless configured, and is what keeps stored messages unreadable outside KMS authorisation.',
  remediation: {
    text: 'Set a KMS key on the topic (alias/aws/sns, or a customer-managed key whose policy lets the publishers use it).',
    cli: 'aws sns set-topic-attributes --topic-arn ARN --attribute-name KmsMasterKeyId --attribute-value alias/aws/sns',
  },
  assess(topic, ctx) {
    const { kmsMasterKeyId } = ctx.known(topic.data.attributes);
    return kmsMasterKeyId !== null
      ? ctx.pass(`Encrypted with KMS key ${kmsMasterKeyId}`, { kmsMasterKeyId })
      : ctx.fail('The topic is not encrypted with KMS', { kmsMasterKeyId });
  },
});

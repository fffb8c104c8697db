import { defineCheck } from '../../../src/core/check.js';
import { deniesPlainHttp } from '../lib/policy.js';

export default defineCheck({
  id: 'aws-sns-topic-secure-transport-required',
  title: 'SNS topic policies refuse publishing without TLS',
  provider: 'aws',
  service: 'sns',
  resourceType: 'aws.sns.topic',
  duty: 'encryption-in-transit',
  severity: 'low',
  rationale: 'SNS accepts publish requests over plain HTTP unless the topic policy denies requests where aws:SecureTransport is false.',
  remediation: {
    text: 'Add a statement denying sns:* (or sns:Publish) to Principal "*" when aws:SecureTransport is "false".',
    url: 'https://docs.aws.amazon.com/sns/latest/dg/sns-security-best-practices.html',
  },
  assess(topic, ctx) {
    const { policy } = ctx.known(topic.data.attributes);
    const statement = policy?.statement.find((s) => deniesPlainHttp(s, 'sns'));
    return statement
      ? ctx.pass('The topic policy denies requests without TLS', { hasPolicy: true, sid: statement.sid })
      : ctx.fail(policy === null ? 'The topic has no policy, so plain HTTP is accepted' : 'The topic policy does not deny requests without TLS', { hasPolicy: policy !== null, sid: null });
  },
});

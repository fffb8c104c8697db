import { defineCheck } from '../../../src/core/check.js';
import { deniesPlainHttp } from '../lib/policy.js';

export default defineCheck({
  id: 'aws-sqs-queue-secure-transport-required',
  title: 'SQS queue policies refuse requests that do not use TLS',
  provider: 'aws',
  service: 'sqs',
  resourceType: 'aws.sqs.queue',
  duty: 'encryption-in-transit',
  severity: 'low',
  rationale: 'SQS still answers plain HTTP endpoints; only a queue policy denying requests where aws:SecureTransport is false guarantees messages never cross the network unencrypted.',
  remediation: {
    text: 'Add a statement denying sqs:* to Principal "*" when aws:SecureTransport is "false".',
    url: 'https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-security-best-practices.html',
  },
  assess(queue, ctx) {
    const { policy } = ctx.known(queue.data.attributes);
    const statement = policy?.statement.find((s) => deniesPlainHttp(s, 'sqs'));
    return statement
      ? ctx.pass('The queue policy denies requests without TLS', { hasPolicy: true, sid: statement.sid })
      : ctx.fail(policy === null ? 'The queue has no policy, so plain HTTP is accepted' : 'The queue policy does not deny requests without TLS', { hasPolicy: policy !== null, sid: null });
  },
});

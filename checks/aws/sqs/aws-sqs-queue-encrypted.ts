import { defineCheck } from '../../../src/core/check.js';

export default defineCheck({
  id: 'aws-sqs-queue-encrypted',
  title: 'SQS queues encrypt messages at rest',
  provider: 'aws',
  service: 'sqs',
  resourceType: 'aws.sqs.queue',
  duty: 'encryption-at-rest',
  severity: 'medium',
  rationale: 'Messages often carry the same personal or payment data as the systems they connect. SQS encrypts them at rest with SSE-SQS or a KMS key only when the queue is configured to.',
  remediation: {
    text: 'Enable SSE-SQS, or SSE-KMS with a key you manage where the data calls for it.',
    cli: 'aws sqs set-queue-attributes --queue-url URL --attributes SqsManagedSseEnabled=true',
  },
  assess(queue, ctx) {
    const { sqsManagedSse, kmsMasterKeyId } = ctx.known(queue.data.attributes);
    const evidence = { sqsManagedSse, kmsMasterKeyId };
    if (kmsMasterKeyId !== null) return ctx.pass(`Encrypted with KMS key ${kmsMasterKeyId}`, evidence);
    return sqsManagedSse ? ctx.pass('Encrypted with SSE-SQS', evidence) : ctx.fail('Messages are stored unencrypted', evidence);
  },
});

import { defineCheck } from '../../../src/core/check.js';
import { mapObserved } from '../../../src/core/observed.js';
import { assessResourcePolicy, RESOURCE_POLICIES } from '../lib/resource-policy.js';

export default defineCheck({
  id: 'aws-sqs-queue-policy-not-public',
  title: 'SQS queue policies do not allow everyone',
  provider: 'aws',
  service: 'sqs',
  resourceType: 'aws.sqs.queue',
  duty: 'network-exposure',
  severity: 'high',
  rationale: 'A queue policy allowing Principal "*" without a condition naming an account, organisation, VPC endpoint or source lets any AWS account read, inject or delete the messages.',
  remediation: {
    text: 'Name the principals that need the queue, or add a condition such as aws:SourceArn (for an SNS topic or S3 bucket), aws:SourceAccount or aws:PrincipalOrgID.',
    cli: 'aws sqs get-queue-attributes --queue-url URL --attribute-names Policy',
  },
  assess: (queue, ctx) => assessResourcePolicy(mapObserved(queue.data.attributes, (a) => a.policy), RESOURCE_POLICIES.sqs, ctx),
});

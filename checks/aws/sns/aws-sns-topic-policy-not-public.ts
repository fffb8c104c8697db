import { defineCheck } from '../../../src/core/check.js';
import { mapObserved } from '../../../src/core/observed.js';
import { assessResourcePolicy, RESOURCE_POLICIES } from '../lib/resource-policy.js';

export default defineCheck({
  id: 'aws-sns-topic-policy-not-public',
  title: 'SNS topic policies do not allow everyone',
  provider: 'aws',
  service: 'sns',
  resourceType: 'aws.sns.topic',
  duty: 'network-exposure',
  severity: 'high',
  rationale: 'A topic policy allowing Principal "*" without a narrowing condition lets any AWS account subscribe to the notifications (and read what they carry) or publish forged ones.',
  remediation: {
    text: 'Name the publishing and subscribing principals, or add aws:SourceOwner / aws:SourceAccount / aws:PrincipalOrgID conditions.',
    cli: 'aws sns get-topic-attributes --topic-arn ARN --query Attributes.Policy',
  },
  assess: (topic, ctx) => assessResourcePolicy(mapObserved(topic.data.attributes, (a) => a.policy), RESOURCE_POLICIES.sns, ctx),
});

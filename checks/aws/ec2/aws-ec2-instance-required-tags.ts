import { defineCheck } from '../../../src/core/check.js';
import { AWS_TAGS, assessRequiredTags } from '../../families/tags.js';
import { awsTagPolicy } from '../lib/tag-policy.js';
import { observedTags } from '../lib/resources.js';

export default defineCheck({
  id: 'aws-ec2-instance-required-tags',
  title: 'EC2 instances carry the tags the organisation requires',
  provider: 'aws',
  service: 'ec2',
  resourceType: 'aws.ec2.instance',
  uses: ['aws.organizations.tag-policy'],
  duty: 'tagging',
  severity: 'low',
  rationale:
    'Required tags (owner, data classification, cost centre, contract) are how a finding reaches someone responsible and how data protection is chosen by sensitivity. The rules are policy.requiredTags; this check applies those whose resourceTypes match aws.ec2.instance.',
  remediation: {
    text: 'Add the missing tags with valid values, and enforce them at creation with an Organizations tag policy or an SCP on aws:RequestTag.',
    cli: 'aws ec2 create-tags --resources INSTANCE --tags Key=owner,Value=TEAM',
  },
  assess: (resource, ctx) => assessRequiredTags({ type: resource.type, tags: observedTags(resource) }, ctx, AWS_TAGS, awsTagPolicy(ctx)),
});

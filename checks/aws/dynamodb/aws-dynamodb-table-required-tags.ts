import { defineCheck } from '../../../src/core/check.js';
import { AWS_TAGS, assessRequiredTags } from '../../families/tags.js';
import { awsTagPolicy } from '../lib/tag-policy.js';
import { observedTags } from '../lib/resources.js';

export default defineCheck({
  id: 'aws-dynamodb-table-required-tags',
  title: 'DynamoDB tables carry the tags the organisation requires',
  provider: 'aws',
  service: 'dynamodb',
  resourceType: 'aws.dynamodb.table',
  uses: ['aws.organizations.tag-policy'],
  duty: 'tagging',
  severity: 'low',
  rationale: 'Required tags (owner, data classification, cost centre, contract) are how a finding reaches someone responsible and how data protection is chosen by sensitivity. The rules are policy.requiredTags; this check applies those whose resourceTypes match aws.dynamodb.table.',
  remediation: {
    text: 'Add the missing tags with valid values, and enforce them at creation with an Organizations tag policy or an SCP on aws:RequestTag.',
    cli: 'aws dynamodb tag-resource --resource-arn TABLE_ARN --tags Key=owner,Value=TEAM',
  },
  assess: (resource, ctx) => assessRequiredTags({ type: resource.type, tags: observedTags(resource) }, ctx, AWS_TAGS, awsTagPolicy(ctx)),
});

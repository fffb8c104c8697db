import { defineCheck } from '../../../src/core/check.js';
import { AWS_TAGS, assessRequiredTags } from '../../families/tags.js';
import { awsTagPolicy } from '../lib/tag-policy.js';
import { observedTags } from '../lib/resources.js';

export default defineCheck({
  id: 'aws-fsx-file-system-required-tags',
  title: 'FSx file systems carry the tags the organisation requires',
  provider: 'aws',
  service: 'fsx',
  resourceType: 'aws.fsx.file-system',
  uses: ['aws.organizations.tag-policy'],
  duty: 'tagging',
  severity: 'low',
  rationale: 'Required tags (owner, data classification, cost centre, contract) are how a finding reaches someone responsible and how data protection is chosen by sensitivity. The rules are policy.requiredTags; this check applies those whose resourceTypes match aws.fsx.file-system.',
  remediation: {
    text: 'Add the missing tags with valid values, and enforce them at creation with an Organizations tag policy or an SCP on aws:RequestTag.',
    cli: 'aws fsx tag-resource --resource-arn FS_ARN --tags Key=owner,Value=TEAM',
  },
  assess: (resource, ctx) => assessRequiredTags({ type: resource.type, tags: observedTags(resource) }, ctx, AWS_TAGS, awsTagPolicy(ctx)),
});

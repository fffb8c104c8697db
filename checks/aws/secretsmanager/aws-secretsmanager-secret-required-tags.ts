import { defineCheck } from '../../../src/core/check.js';
import { AWS_TAGS, assessRequiredTags } from '../../families/tags.js';
import { awsTagPolicy } from '../lib/tag-policy.js';
import { observedTags } from '../lib/resources.js';

export default defineCheck({
  id: 'aws-secretsmanager-secret-required-tags',
  title: 'Secrets Manager secrets carry the tags the organisation requires',
  provider: 'aws',
  service: 'secretsmanager',
  resourceType: 'aws.secretsmanager.secret',
  uses: ['aws.organizations.tag-policy'],
  duty: 'tagging',
  severity: 'low',
  rationale: 'Required tags (owner, data classification) are how a finding about a credential reaches the team that can rotate it. The rules are policy.requiredTags; this check applies those whose resourceTypes match aws.secretsmanager.secret.',
  remediation: {
    text: 'Add the missing tags with valid values, and enforce them at creation with an Organizations tag policy or an SCP on aws:RequestTag.',
    cli: 'aws secretsmanager tag-resource --secret-id SECRET --tags Key=owner,Value=TEAM',
  },
  assess: (resource, ctx) => assessRequiredTags({ type: resource.type, tags: observedTags(resource) }, ctx, AWS_TAGS, awsTagPolicy(ctx)),
});

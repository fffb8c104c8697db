import { defineCheck } from '../../../src/core/check.js';
import { AWS_TAGS, assessRequiredTags } from '../../families/tags.js';
import { awsTagPolicy } from '../lib/tag-policy.js';
import { observedTags } from '../lib/resources.js';

export default defineCheck({
  id: 'aws-eks-cluster-required-tags',
  title: 'EKS clusters carry the tags the organisation requires',
  provider: 'aws',
  service: 'eks',
  resourceType: 'aws.eks.cluster',
  uses: ['aws.organizations.tag-policy'],
  duty: 'tagging',
  severity: 'low',
  rationale: 'Required tags (owner, data classification) are how a finding about a cluster reaches the team running it. The rules are policy.requiredTags; this check applies those whose resourceTypes match aws.eks.cluster.',
  remediation: {
    text: 'Add the missing tags with valid values, and enforce them at creation with an Organizations tag policy or an SCP on aws:RequestTag.',
    cli: 'aws eks tag-resource --resource-arn CLUSTER_ARN --tags owner=TEAM',
  },
  assess: (resource, ctx) => assessRequiredTags({ type: resource.type, tags: observedTags(resource) }, ctx, AWS_TAGS, awsTagPolicy(ctx)),
});

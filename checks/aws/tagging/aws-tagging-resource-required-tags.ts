import { defineCheck } from '../../../src/core/check.js';
import { seen } from '../../../src/core/observed.js';
import { AWS_TAGS, assessRequiredTags, typeSelected, type TypeFilter } from '../../families/tags.js';
import { awsTagPolicy } from '../lib/tag-policy.js';

/**
 * Every taggable resource in one call per region (Resource Groups Tagging API). The types with a
 * required-tags check of their own are excluded by default, so no resource is judged twice; a
 * resource the Tagging API does not list (never tagged, on some services) is judged only by those.
 */
export default defineCheck({
  id: 'aws-tagging-resource-required-tags',
  title: 'Every taggable AWS resource carries the tags the organisation requires',
  provider: 'aws',
  service: 'tagging',
  resourceType: 'aws.tagging.resource',
  uses: ['aws.organizations.tag-policy'],
  duty: 'tagging',
  severity: 'low',
  rationale:
    'Owner, cost-centre and data-classification tags are how a finding reaches someone responsible, whatever service holds the data. ' +
    'The rules are policy.requiredTags or, when the config sets none, the required tags of the account\'s effective Organizations tag policy (report_required_tag_for). ' +
    'Types are named as aws.<service>.<type> (aws.dynamodb.table), or as dutyscan\'s typed collectors name them (aws.ec2.instance).',
  remediation: {
    text: 'Add the missing tags with valid values, and declare them in an Organizations tag policy (report_required_tag_for) so they are reported and enforced at creation.',
    cli: 'aws resourcegroupstaggingapi tag-resources --resource-arn-list ARN --tags owner=TEAM',
  },
  references: ['https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_tag-policies.html'],
  defaults: {
    includeTypes: ['*'],
    // The types with a required-tags check of their own (from their typed listing): judged there, once.
    excludeTypes: [
      'aws.ec2.instance', 'aws.ec2.volume', 'aws.s3.bucket', 'aws.rds.instance', 'aws.rds.cluster', 'aws.efs.file-system',
      'aws.dynamodb.table', 'aws.redshift.cluster', 'aws.fsx.file-system', 'aws.secretsmanager.secret', 'aws.eks.cluster',
    ],
  } satisfies TypeFilter as TypeFilter,
  assess(resource, ctx) {
    const type = resource.data.resourceType;
    const evidence = { resourceType: type, arnType: resource.data.arnType };
    if (!typeSelected(type, ctx.params)) return ctx.notApplicable(`${type} is outside this check's type filters`, evidence);
    return assessRequiredTags({ type, tags: seen(resource.tags), evidence }, ctx, AWS_TAGS, awsTagPolicy(ctx));
  },
});

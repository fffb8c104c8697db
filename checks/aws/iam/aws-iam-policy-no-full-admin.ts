import { defineCheck } from '../../../src/core/check.js';
import { documentGrantsFullAdmin } from '../lib/policy.js';

export default defineCheck({
  id: 'aws-iam-policy-no-full-admin',
  title: 'Attached customer-managed policies do not allow "*" actions on "*" resources',
  provider: 'aws',
  service: 'iam',
  resourceType: 'aws.iam.policy',
  duty: 'least-privilege',
  severity: 'high',
  rationale:
    'A home-made policy allowing every action on every resource is AdministratorAccess under another name, and it escapes reviews that only look for the AWS policy by name.',
  remediation: {
    text: 'Publish a new default version of the policy listing the actions and resources needed, then delete the "*:*" versions.',
    cli: 'aws iam create-policy-version --policy-arn POLICY_ARN --policy-document file://scoped.json --set-as-default',
  },
  assess(policy, ctx) {
    const { awsManaged, attachmentCount } = policy.data;
    if (awsManaged) return ctx.notApplicable('AWS-managed policy: judged where it is attached', { awsManaged });
    const grantsFullAdmin = documentGrantsFullAdmin(policy.data.document);
    const evidence = { grantsFullAdmin, attachmentCount, defaultVersionId: policy.data.defaultVersionId };
    if (!grantsFullAdmin) return ctx.pass('The policy\'s default version does not allow "*:*"', evidence);
    return attachmentCount > 0
      ? ctx.fail(`The policy allows "*:*" and is attached to ${attachmentCount} principal(s)`, evidence)
      : ctx.pass('The policy allows "*:*" but is attached to nothing', evidence);
  },
});

import { defineCheck } from '../../../src/core/check.js';
import { adminGrants } from '../lib/policy.js';

export default defineCheck({
  id: 'aws-iam-group-no-admin-privileges',
  title: 'IAM groups do not grant full administrative privileges',
  provider: 'aws',
  service: 'iam',
  resourceType: 'aws.iam.group',
  uses: ['aws.iam.policy'],
  duty: 'least-privilege',
  severity: 'high',
  rationale:
    'Every member of a group with "*:*" or AdministratorAccess is a full administrator through long-lived credentials, and adding a member is all it takes to make another.',
  remediation: {
    text: 'Replace the administrative policy on the group with the permissions its members need; keep administration on a role assumed with MFA.',
    cli: 'aws iam detach-group-policy --group-name GROUP --policy-arn POLICY_ARN',
  },
  assess(group, ctx) {
    const grants = adminGrants(
      { attachedManagedPolicies: group.data.attachedManagedPolicies, inline: group.data.groupPolicyList },
      ctx.related('aws.iam.policy'),
    );
    return grants.length > 0
      ? ctx.fail('The group grants full administrative privileges', { adminPolicies: grants })
      : ctx.pass('No policy on the group grants "*:*"', { adminPolicies: grants });
  },
});

import { defineCheck } from '../../../src/core/check.js';
import { adminGrants } from '../lib/policy.js';

export default defineCheck({
  id: 'aws-iam-user-no-admin-privileges',
  title: 'IAM users are not given full administrative privileges directly',
  provider: 'aws',
  service: 'iam',
  resourceType: 'aws.iam.user',
  uses: ['aws.iam.policy'],
  duty: 'least-privilege',
  severity: 'high',
  rationale:
    'A policy allowing every action on every resource ("*:*", AdministratorAccess) on a long-lived user makes that user\'s password and keys master keys to the account.',
  remediation: {
    text: 'Detach AdministratorAccess and any "*:*" policy from the user; grant the tasks it needs, and give administrators a role assumed with MFA.',
    cli: 'aws iam detach-user-policy --user-name USER --policy-arn POLICY_ARN',
  },
  assess(user, ctx) {
    const grants = adminGrants(
      { attachedManagedPolicies: user.data.attachedManagedPolicies, inline: user.data.userPolicyList },
      ctx.related('aws.iam.policy'),
    );
    return grants.length > 0
      ? ctx.fail('The user has full administrative privileges', { adminPolicies: grants })
      : ctx.pass('No policy attached to the user grants "*:*"', { adminPolicies: grants });
  },
});

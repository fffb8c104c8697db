import { defineCheck } from '../../../src/core/check.js';
import { adminGrants } from '../lib/policy.js';

export default defineCheck({
  id: 'aws-iam-role-no-admin-privileges',
  title: 'IAM roles do not have full administrative privileges, except the named break-glass roles',
  provider: 'aws',
  service: 'iam',
  resourceType: 'aws.iam.role',
  uses: ['aws.iam.policy'],
  duty: 'least-privilege',
  severity: 'high',
  rationale:
    'Workloads and people assume roles; a role with "*:*" turns any weakness in whoever may assume it (an instance, a CI pipeline, a partner) into control of the account.',
  remediation: {
    text: 'Scope the role\'s policies to what it does. Roles that must stay administrative (break-glass, organisation access) belong in the exemptRoles parameter, which keeps them visible in the evidence.',
    cli: 'aws iam detach-role-policy --role-name ROLE --policy-arn POLICY_ARN',
  },
  defaults: { exemptRoles: [] as string[] },
  assess(role, ctx) {
    if (role.data.path.startsWith('/aws-service-role/')) {
      return ctx.notApplicable('Service-linked role: its permissions are AWS\'s to manage', { path: role.data.path });
    }
    const grants = adminGrants(
      { attachedManagedPolicies: role.data.attachedManagedPolicies, inline: role.data.rolePolicyList },
      ctx.related('aws.iam.policy'),
    );
    if (grants.length === 0) return ctx.pass('No policy on the role grants "*:*"', { adminPolicies: grants });
    return ctx.params.exemptRoles.includes(role.data.roleName)
      ? ctx.pass('The role is administrative by design (exempted by parameter)', { adminPolicies: grants, exempt: true })
      : ctx.fail('The role has full administrative privileges', { adminPolicies: grants });
  },
});

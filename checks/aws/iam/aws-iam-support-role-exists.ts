import { defineScopeCheck } from '../../../src/core/check.js';

const SUPPORT_POLICY_ARN = 'arn:aws:iam::aws:policy/AWSSupportAccess';

export default defineScopeCheck({
  id: 'aws-iam-support-role-exists',
  title: 'A role exists for managing incidents with AWS Support',
  provider: 'aws',
  service: 'iam',
  resourceType: 'aws.iam.role',
  duty: 'incident-readiness',
  severity: 'low',
  rationale: 'During an incident someone must be able to open and follow AWS Support cases without borrowing root or an administrator.',
  remediation: {
    text: 'Create a role trusted by your incident responders and attach the AWSSupportAccess managed policy.',
    cli: 'aws iam attach-role-policy --role-name support --policy-arn arn:aws:iam::aws:policy/AWSSupportAccess',
  },
  assessScope(roles, ctx) {
    const support = roles.filter((r) => r.data.attachedManagedPolicies.some((p) => p.policyArn === SUPPORT_POLICY_ARN)).map((r) => r.data.roleName);
    return support.length > 0
      ? ctx.pass(`AWSSupportAccess is attached to ${support.join(', ')}`, { supportRoles: support })
      : ctx.fail('No role has AWSSupportAccess attached', { supportRoles: support, roles: roles.length });
  },
});

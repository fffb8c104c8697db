import { defineCheck } from '../../../src/core/check.js';
import { userAdminPaths } from '../lib/policy.js';

export default defineCheck({
  id: 'aws-iam-user-no-effective-admin-privileges',
  title: 'IAM users are not full administrators through any path (own policies or groups)',
  provider: 'aws',
  service: 'iam',
  resourceType: 'aws.iam.user',
  uses: ['aws.iam.group', 'aws.iam.policy'],
  duty: 'least-privilege',
  severity: 'high',
  rationale:
    'A user in a group holding AdministratorAccess or a "*:*" policy is as much an administrator as one with the policy attached; judging the user alone misses the usual way administrators are made.',
  remediation: {
    text: 'Remove the user from the administrative group or detach the policy; grant the tasks it needs, and give administrators a role assumed with MFA.',
    cli: 'aws iam remove-user-from-group --user-name USER --group-name GROUP',
  },
  assess(user, ctx) {
    const paths = userAdminPaths(user.data, ctx.related('aws.iam.group'), ctx.related('aws.iam.policy'));
    return paths.length > 0
      ? ctx.fail('The user is a full administrator', { adminPaths: paths })
      : ctx.pass('Neither the user nor any of its groups holds a policy granting "*:*"', { adminPaths: paths });
  },
});

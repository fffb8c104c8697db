import { defineCheck } from '../../../src/core/check.js';
import { userAdminPaths } from '../lib/policy.js';

export default defineCheck({
  id: 'aws-iam-user-admin-mfa-enabled',
  title: 'IAM users with administrative privileges sign in with MFA',
  provider: 'aws',
  service: 'iam',
  resourceType: 'aws.iam.user',
  uses: ['aws.iam.group', 'aws.iam.policy'],
  duty: 'mfa',
  severity: 'critical',
  rationale:
    'Contracts commonly require MFA for privileged access in particular: an administrator\'s password alone is the whole account.',
  remediation: {
    text: 'Have the administrator assign an MFA device now; then move administration to a role that requires aws:MultiFactorAuthPresent.',
    url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_mfa_enable.html',
  },
  assess(user, ctx) {
    const grants = userAdminPaths(user.data, ctx.related('aws.iam.group'), ctx.related('aws.iam.policy'));
    if (grants.length === 0) return ctx.notApplicable('The user has no administrative privileges', { adminPolicies: grants });
    const { passwordEnabled, mfaActive } = ctx.known(user.data.credentials);
    if (!passwordEnabled) return ctx.notApplicable('The administrator has no console password', { adminPolicies: grants, passwordEnabled });
    return mfaActive
      ? ctx.pass('The administrator has MFA', { adminPolicies: grants, mfaActive })
      : ctx.fail('An administrator signs in without MFA', { adminPolicies: grants, mfaActive });
  },
});

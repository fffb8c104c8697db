import { defineCheck } from '../../../src/core/check.js';
import { trustIssues } from '../lib/policy.js';

export default defineCheck({
  id: 'aws-iam-role-trust-policy-restricted',
  title: 'Role trust policies do not let anyone, or unknown accounts, assume the role unconditionally',
  provider: 'aws',
  service: 'iam',
  resourceType: 'aws.iam.role',
  duty: 'least-privilege',
  severity: 'high',
  rationale:
    'A trust policy naming "*", a foreign account, or an OIDC issuer without a subject condition lets principals outside the customer\'s control take the role\'s permissions (the confused-deputy and "any GitHub repository" cases).',
  remediation: {
    text: 'Name the exact principals, and add conditions: sts:ExternalId for vendors, aws:PrincipalOrgID for the organisation, the token subject for web identity. List accounts you trust in trustedAccounts.',
    url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/confused-deputy.html',
  },
  defaults: { trustedAccounts: [] as string[] },
  assess(role, ctx) {
    const issues = trustIssues(role.data.assumeRolePolicyDocument, role.account, ctx.params.trustedAccounts);
    return issues.length > 0
      ? ctx.fail(`The trust policy admits ${issues.map((i) => i.principal).join(', ')} without a restricting condition`, { issues })
      : ctx.pass('The trust policy names only known principals or restricts them by condition', { issues });
  },
});

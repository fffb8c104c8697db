import { defineCheck } from '../../../src/core/check.js';

export default defineCheck({
  id: 'aws-iam-password-policy-strong',
  title: 'The account password policy requires long passwords and prevents reuse',
  provider: 'aws',
  service: 'iam',
  resourceType: 'aws.iam.password-policy',
  duty: 'credentials',
  severity: 'medium',
  rationale: 'Without a policy IAM accepts 8-character passwords and lets users cycle back to old ones, which is what password spraying and credential stuffing feed on.',
  remediation: {
    text: 'Set a password policy with the minimum length and reuse prevention your contract names (CIS: 14 characters, 24 remembered).',
    cli: 'aws iam update-account-password-policy --minimum-password-length 14 --password-reuse-prevention 24',
  },
  defaults: { minimumPasswordLength: 14, passwordReusePrevention: 24 },
  assess(setting, ctx) {
    const policy = setting.data.policy;
    const required = { ...ctx.params };
    if (policy === null) return ctx.fail('No password policy is set: IAM defaults apply', { policy: null, required });
    const found = { minimumPasswordLength: policy.minimumPasswordLength, passwordReusePrevention: policy.passwordReusePrevention };
    const weak: string[] = [];
    if (policy.minimumPasswordLength < required.minimumPasswordLength) weak.push('minimumPasswordLength');
    if ((policy.passwordReusePrevention ?? 0) < required.passwordReusePrevention) weak.push('passwordReusePrevention');
    return weak.length > 0
      ? ctx.fail(`The password policy is weaker than required: ${weak.join(', ')}`, { ...found, required, weak })
      : ctx.pass('The password policy meets the required length and reuse prevention', { ...found, required, weak });
  },
});

import { defineCheck } from '../../../src/core/check.js';

export default defineCheck({
  id: 'aws-iam-user-console-mfa-enabled',
  title: 'IAM users with a console password have MFA',
  provider: 'aws',
  service: 'iam',
  resourceType: 'aws.iam.user',
  duty: 'mfa',
  severity: 'high',
  rationale: 'A console password without a second factor falls to phishing, reuse or guessing, and the console reaches everything the user may do.',
  remediation: {
    text: 'Have the user assign an MFA device, and enforce it with a policy denying actions when aws:MultiFactorAuthPresent is false; or move console access to IAM Identity Center.',
    url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_mfa_enable.html',
  },
  assess(user, ctx) {
    const { passwordEnabled, mfaActive } = ctx.known(user.data.credentials);
    if (!passwordEnabled) return ctx.notApplicable('The user has no console password', { passwordEnabled });
    return mfaActive
      ? ctx.pass('The console user has MFA', { passwordEnabled, mfaActive })
      : ctx.fail('The console user has no MFA device', { passwordEnabled, mfaActive });
  },
});

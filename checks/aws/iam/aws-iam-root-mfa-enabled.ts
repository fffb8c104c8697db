import { defineCheck } from '../../../src/core/check.js';

export default defineCheck({
  id: 'aws-iam-root-mfa-enabled',
  title: 'The root user signs in with MFA',
  provider: 'aws',
  service: 'iam',
  resourceType: 'aws.iam.root',
  duty: 'mfa',
  severity: 'critical',
  rationale:
    'The root user can do anything in the account, including closing it and changing its contacts. A password alone, phished or reused, would hand all of that over.',
  remediation: {
    text: 'Sign in as root and assign an MFA device (preferably a hardware key) under Security credentials.',
    url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/enable-mfa-for-root.html',
  },
  assess(root, ctx) {
    const mfaActive = ctx.known(root.data.mfaActive);
    return mfaActive
      ? ctx.pass('The root user has MFA enabled', { mfaActive })
      : ctx.fail('The root user has no MFA device', { mfaActive });
  },
});

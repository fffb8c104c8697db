import { defineCheck } from '../../../src/core/check.js';

export default defineCheck({
  id: 'aws-iam-root-hardware-mfa-enabled',
  title: 'The root user\'s MFA is a hardware device',
  provider: 'aws',
  service: 'iam',
  resourceType: 'aws.iam.root',
  duty: 'mfa',
  severity: 'critical',
  rationale:
    'A virtual MFA app lives on a phone or laptop that is backed up, synced and lost with it; a hardware key held in a safe is the only second factor that stays under the account owner\'s sole control.',
  remediation: {
    text: 'Replace the root user\'s virtual MFA device with a hardware TOTP token or FIDO security key, kept where only the account owners can reach it.',
    url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_mfa_enable_physical.html',
  },
  assess(root, ctx) {
    const mfaActive = ctx.known(root.data.mfaActive);
    if (!mfaActive) return ctx.fail('The root user has no MFA device at all', { mfaActive });
    const virtualMfaAssigned = ctx.known(root.data.virtualMfaAssigned);
    return virtualMfaAssigned
      ? ctx.fail('The root user\'s MFA is a virtual device', { mfaActive, virtualMfaAssigned })
      : ctx.pass('The root user\'s MFA is a hardware device', { mfaActive, virtualMfaAssigned });
  },
});

import { defineCheck } from '../../../src/core/check.js';

export default defineCheck({
  id: 'aws-iam-root-no-access-keys',
  title: 'The root user has no access keys',
  provider: 'aws',
  service: 'iam',
  resourceType: 'aws.iam.root',
  duty: 'credentials',
  severity: 'critical',
  rationale:
    'A root access key is an unrestricted, MFA-free credential that no policy can limit; leaked from a script or laptop, it gives away the whole account.',
  remediation: {
    text: 'Sign in as root, note where the keys are used, move that automation to an IAM role, then delete both root access keys.',
    url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_root-user_manage_delete-key.html',
  },
  assess(root, ctx) {
    const accessKeysPresent = ctx.known(root.data.accessKeysPresent);
    return accessKeysPresent
      ? ctx.fail('The root user has access keys', { accessKeysPresent })
      : ctx.pass('The root user has no access keys', { accessKeysPresent });
  },
});

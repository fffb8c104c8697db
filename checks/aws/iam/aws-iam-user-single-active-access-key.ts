import { defineCheck } from '../../../src/core/check.js';

export default defineCheck({
  id: 'aws-iam-user-single-active-access-key',
  title: 'IAM users have at most one active access key',
  provider: 'aws',
  service: 'iam',
  resourceType: 'aws.iam.user',
  duty: 'credentials',
  severity: 'medium',
  rationale: 'Two active keys is a rotation left half-done: the old key stays valid, and nobody knows which systems still hold it.',
  remediation: {
    text: 'Find which key is in use (access_key_N_last_used_date), then deactivate and delete the other.',
    cli: 'aws iam update-access-key --user-name USER --access-key-id OLD_KEY --status Inactive',
  },
  assess(user, ctx) {
    const active = ctx.known(user.data.credentials).accessKeys.filter((k) => k.active).length;
    if (active === 0) return ctx.notApplicable('The user has no active access keys', { activeAccessKeys: active });
    return active > 1
      ? ctx.fail(`The user has ${active} active access keys`, { activeAccessKeys: active })
      : ctx.pass('The user has one active access key', { activeAccessKeys: active });
  },
});

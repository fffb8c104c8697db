import { defineCheck } from '../../../src/core/check.js';
import { daysSince } from '../lib/time.js';

export default defineCheck({
  id: 'aws-iam-user-access-keys-rotated',
  title: 'Active access keys are younger than the rotation period',
  provider: 'aws',
  service: 'iam',
  resourceType: 'aws.iam.user',
  duty: 'credentials',
  severity: 'medium',
  rationale: 'The older a long-lived key, the more places it has been copied to; rotation bounds how long a leaked key stays useful.',
  remediation: {
    text: 'Create a second key, move every consumer to it, deactivate and then delete the old one; better, replace the key with a role.',
    cli: 'aws iam create-access-key --user-name USER',
  },
  defaults: { maxKeyAgeDays: 90 },
  assess(user, ctx) {
    const active = ctx.known(user.data.credentials).accessKeys.filter((k) => k.active);
    if (active.length === 0) return ctx.notApplicable('The user has no active access keys');
    const max = ctx.params.maxKeyAgeDays;
    const keys = active.map((k) => ({ key: `access_key_${k.slot}`, lastRotated: k.lastRotated, ageDays: daysSince(k.lastRotated, ctx.now) }));
    const old = keys.filter((k) => k.ageDays === null || k.ageDays > max);
    return old.length > 0
      ? ctx.fail(`${old.length} active key(s) older than ${max} days`, { maxKeyAgeDays: max, keys })
      : ctx.pass(`Active keys are at most ${max} days old`, { maxKeyAgeDays: max, keys });
  },
});

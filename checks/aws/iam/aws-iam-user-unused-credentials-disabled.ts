import { defineCheck } from '../../../src/core/check.js';
import { daysSince } from '../lib/time.js';

export default defineCheck({
  id: 'aws-iam-user-unused-credentials-disabled',
  title: 'IAM user credentials unused for a long time are disabled',
  provider: 'aws',
  service: 'iam',
  resourceType: 'aws.iam.user',
  duty: 'credentials',
  severity: 'medium',
  rationale:
    'Passwords and keys nobody uses belong to people who left or jobs that stopped. They keep working for whoever finds them, and nobody would notice their use.',
  remediation: {
    text: 'Remove the console password and deactivate (then delete) access keys that have not been used within the window.',
    cli: 'aws iam delete-login-profile --user-name USER; aws iam update-access-key --user-name USER --access-key-id KEY --status Inactive',
  },
  defaults: { maxUnusedDays: 45 },
  assess(user, ctx) {
    const creds = ctx.known(user.data.credentials);
    const max = ctx.params.maxUnusedDays;
    const stale: { credential: string; lastUsed: string | null; daysUnused: number | null }[] = [];
    if (creds.passwordEnabled) {
      // Never used: count from when the password was set (or the user created), not from the epoch.
      const since = creds.passwordLastUsed ?? creds.passwordLastChanged ?? user.data.createDate;
      const days = daysSince(since, ctx.now);
      if (days !== null && days >= max) stale.push({ credential: 'password', lastUsed: creds.passwordLastUsed, daysUnused: days });
    }
    for (const key of creds.accessKeys.filter((k) => k.active)) {
      const days = daysSince(key.lastUsedDate ?? key.lastRotated ?? user.data.createDate, ctx.now);
      if (days !== null && days >= max) stale.push({ credential: `access_key_${key.slot}`, lastUsed: key.lastUsedDate, daysUnused: days });
    }
    const active = (creds.passwordEnabled ? 1 : 0) + creds.accessKeys.filter((k) => k.active).length;
    if (active === 0) return ctx.pass('The user has no enabled credentials', { maxUnusedDays: max, stale });
    return stale.length > 0
      ? ctx.fail(`${stale.length} credential(s) unused for ${max} days or more`, { maxUnusedDays: max, stale })
      : ctx.pass(`Every enabled credential was used within ${max} days`, { maxUnusedDays: max, stale });
  },
});

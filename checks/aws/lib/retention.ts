import type { AssessContext, Params, Verdict } from '../../../src/core/check.js';

/**
 * The "backups or snapshots kept at least N days" rule of the data services: 0 means they are off,
 * fewer than `minDays` is short of what the contract restores.
 */
export function assessRetention(days: number, minDays: number, ctx: AssessContext<Params, never>, what = 'Automated backups'): Verdict {
  const evidence = { retentionDays: days, minRetentionDays: minDays };
  if (days <= 0) return ctx.fail(`${what} are off`, evidence);
  return days >= minDays
    ? ctx.pass(`${what} are kept ${days} days`, evidence)
    : ctx.fail(`${what} are kept ${days} day(s), fewer than ${minDays}`, evidence);
}

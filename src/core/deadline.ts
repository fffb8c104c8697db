import type { Finding } from './finding.js';

/** A cure period as contract profiles write it: a whole number of hours, days or weeks (`72h`, `30d`, `2w`). */
export const PERIOD_PATTERN = /^([1-9][0-9]{0,4})([hdw])$/;

const UNIT_MS = { h: 3_600_000, d: 86_400_000, w: 7 * 86_400_000 } as const;

/** The period in milliseconds, or undefined when the text is not a period. */
export function periodMs(period: string): number | undefined {
  const m = PERIOD_PATTERN.exec(period);
  return m ? Number(m[1]) * UNIT_MS[m[2] as keyof typeof UNIT_MS] : undefined;
}

/** When a failure first seen at `since` must be cured by. */
export function dueAt(since: string, period: string): string {
  const ms = periodMs(period);
  if (ms === undefined) throw new Error(`not a cure period: "${period}"`);
  return new Date(Date.parse(since) + ms).toISOString();
}

/** Overdue once the period has passed: at the due instant itself the failure is still within it. */
export const isOverdue = (due: string, now: Date): boolean => now.getTime() > Date.parse(due);

/** Only an unmuted FAIL is a breach with a deadline; an ERROR says we could not look, not that the duty is broken. */
export const hasDeadline = (f: Pick<Finding, 'status' | 'muted' | 'curePeriod'>): f is Pick<Finding, 'status' | 'muted'> & { curePeriod: string } =>
  f.status === 'FAIL' && !f.muted && f.curePeriod !== undefined;

/**
 * The finding with its due date counted from `since` (when it was first seen failing) and whether
 * that date has passed at `now`; a finding without a deadline loses any stale one.
 */
export function withDeadline(finding: Finding, since: string, now: Date): Finding {
  const { dueAt: _due, overdue: _overdue, ...rest } = finding;
  if (!hasDeadline(finding)) return rest;
  const due = dueAt(since, finding.curePeriod);
  return { ...rest, dueAt: due, overdue: isOverdue(due, now) };
}

import { z } from 'zod';
import { SEVERITIES, type Severity } from '../core/check.js';
import { PERIOD_PATTERN, periodMs } from '../core/deadline.js';
import type { ObligationRef } from '../core/finding.js';
import type { ContractProfile } from './schema.js';

const period = z.string().regex(PERIOD_PATTERN, 'a cure period such as 72h, 30d or 2w');

/** `curePeriod: 30d`, or per severity `{ critical: 7d, high: 14d }` (a severity left out falls through to the next level). */
export const curePeriodSchema = z.union([
  period,
  z.strictObject(Object.fromEntries(SEVERITIES.map((s) => [s, period.optional()])) as Record<Severity, z.ZodOptional<typeof period>>)
    .refine((o) => Object.values(o).some((v) => v !== undefined), `name at least one severity: ${SEVERITIES.join(', ')}`),
], { error: `a cure period such as 30d, or one per severity such as { critical: 7d, high: 14d, medium: 30d, low: 90d }` });

export type CurePeriod = z.output<typeof curePeriodSchema>;

const forSeverity = (cure: CurePeriod | undefined, severity: Severity): string | undefined =>
  typeof cure === 'string' ? cure : cure?.[severity];

/**
 * The cure period of a finding under a contract profile. Each (clause, obligation) pair the
 * finding falls under takes the most specific period that names its severity: the obligation's
 * (`obligationCurePeriods`), else the clause's, else the profile's default. A finding under
 * several pairs must be cured by the shortest of them. Undefined: the profile gives none.
 */
export function curePeriodIndex(profile: ContractProfile): (obligations: readonly ObligationRef[], severity: Severity) => string | undefined {
  const clauses = new Map(profile.clauses.map((c) => [c.id, c]));
  return (obligations, severity) => {
    let shortest: string | undefined;
    for (const o of obligations) {
      for (const clauseId of o.clauses) {
        const candidate = forSeverity(profile.obligationCurePeriods?.[o.id], severity)
          ?? forSeverity(clauses.get(clauseId)?.curePeriod, severity)
          ?? forSeverity(profile.curePeriod, severity);
        if (candidate !== undefined && (shortest === undefined || periodMs(candidate)! < periodMs(shortest)!)) shortest = candidate;
      }
    }
    return shortest;
  };
}

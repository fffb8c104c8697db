const DAY_MS = 86_400_000;

/** Whole days between an ISO date and now; null for null. */
export function daysSince(iso: string | null, now: Date): number | null {
  if (iso === null) return null;
  const t = Date.parse(iso);
  if (Number.isNaN(t)) throw new Error(`not a date: ${iso}`);
  return Math.floor((now.getTime() - t) / DAY_MS);
}

/** The most recent of several ISO dates (nulls ignored), or null. */
export function latest(dates: readonly (string | null)[]): string | null {
  let best: string | null = null;
  for (const d of dates) if (d !== null && (best === null || Date.parse(d) > Date.parse(best))) best = d;
  return best;
}

import type { AttestationState } from '../core/summary.js';
import type { ContractProfile } from '../mapping/schema.js';
import type { Attestation } from './schema.js';

/** How long a sign-off counts when the contract profile does not say. */
export const DEFAULT_VALID_FOR_DAYS = 90;

const DAY_MS = 86_400_000;
const midnight = (date: string) => Date.parse(`${date}T00:00:00Z`);

/** The day (UTC) a moment falls on, as YYYY-MM-DD. */
export const dayOf = (now: Date) => now.toISOString().slice(0, 10);

/**
 * The first day a sign-off no longer counts: signed on D and valid for N days, it covers D up to
 * and including D + N - 1, and has expired from the start of D + N (UTC).
 */
export function expiresOn(date: string, validForDays: number): string {
  return new Date(midnight(date) + validForDays * DAY_MS).toISOString().slice(0, 10);
}

export const isExpired = (expires: string, now: Date) => now.getTime() >= midnight(expires);

/** The profile's `attestations.<obligation>.validForDays`, else the default. */
export const validForDays = (profile: ContractProfile, obligation: string) =>
  profile.attestations?.[obligation]?.validForDays ?? DEFAULT_VALID_FOR_DAYS;

/**
 * The sign-off that counts for each obligation at `now`: the most recent one (a later entry wins
 * a tie), valid or expired. Earlier ones are history. One dated after `now` does not count yet.
 */
export function currentAttestations(attestations: readonly Attestation[], profile: ContractProfile, now: Date): Map<string, Omit<AttestationState, 'applied'>> {
  const latest = new Map<string, Attestation>();
  for (const a of attestations) {
    if (a.date > dayOf(now)) continue;
    const seen = latest.get(a.obligation);
    if (!seen || a.date >= seen.date) latest.set(a.obligation, a);
  }
  return new Map([...latest].map(([obligation, a]) => {
    const expires = expiresOn(a.date, validForDays(profile, obligation));
    return [obligation, { obligation, by: a.by, date: a.date, statement: a.statement, evidence: a.evidence, expires, status: isExpired(expires, now) ? 'expired' : 'valid' }];
  }));
}

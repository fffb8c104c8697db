import type { ContractProfile } from '../mapping/schema.js';
import type { StoredAttestation } from '../store/types.js';
import { currentAttestations, expiresOn, validForDays } from './expiry.js';

/** `GET /attestations`: each recorded sign-off with its expiry and whether it counts now. */
export function attestationStatuses(stored: readonly StoredAttestation[], profile: ContractProfile, now: Date) {
  const current = currentAttestations(stored, profile, now);
  const counting = new Map<string, StoredAttestation>();
  for (const a of stored) {
    const c = current.get(a.obligation);
    if (c && c.date === a.date) counting.set(a.obligation, a); // the last of a tie, as currentAttestations picks
  }
  return stored.map((a) => {
    const latest = counting.get(a.obligation) === a;
    // A newer sign-off for the same obligation supersedes an older one, valid or not.
    const status = latest ? current.get(a.obligation)!.status : 'superseded';
    return { ...a, expires: expiresOn(a.date, validForDays(profile, a.obligation)), status };
  });
}

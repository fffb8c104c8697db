import type { ErrorCode } from '../core/observed.js';

/**
 * What a provider's error reader found in anything its SDKs threw. Providers keep these in
 * different places (an AWS exception name, an ARM error code, a Google reason and RPC status);
 * the decision made from them is one, `errorCodeFrom`.
 */
export interface FailureFacts {
  /** The attempt was abandoned: our budget, the scan's deadline, or the transport's own timeout. */
  readonly timedOut: boolean;
  /** A Node socket error code (ECONNRESET, ...). */
  readonly network?: string | undefined;
  /** The provider's names for the error, most specific first. */
  readonly names: readonly (string | undefined)[];
  /** The HTTP status of the answer, when there was one. */
  readonly status?: number | undefined;
  /** The answer could not be read (a body that does not parse). */
  readonly unreadable: boolean;
}

/** A provider's error table: data only, kept in the provider's own folder. */
export interface ErrorTable {
  readonly byNetwork: Readonly<Record<string, ErrorCode>>;
  readonly byName: Readonly<Record<string, ErrorCode>>;
  /** Statuses the provider gives a meaning; any other 5xx is UNAVAILABLE. */
  readonly byStatus: Readonly<Record<number, ErrorCode>>;
}

const lookup = (table: Readonly<Record<string | number, ErrorCode>>, key: string | number | undefined): ErrorCode | undefined =>
  key !== undefined && Object.hasOwn(table, key) ? table[key] : undefined;

/**
 * The order is the skeleton: a timeout; then the socket, since a dropped connection is what it is
 * whatever the SDK calls it; then the provider's names, which say more than a status (AWS answers
 * an invalid token with 403, Google a rate limit with 403 rateLimitExceeded); then the status;
 * then an unreadable answer. Anything else is UNEXPECTED: an ERROR like the others, never a pass.
 */
export function errorCodeFrom(facts: FailureFacts, table: ErrorTable): ErrorCode {
  if (facts.timedOut) return 'TIMEOUT';
  const byNetwork = lookup(table.byNetwork, facts.network);
  if (byNetwork) return byNetwork;
  for (const name of facts.names) {
    const byName = lookup(table.byName, name);
    if (byName) return byName;
  }
  const byStatus = lookup(table.byStatus, facts.status) ?? (facts.status !== undefined && facts.status >= 500 ? 'UNAVAILABLE' : undefined);
  if (byStatus) return byStatus;
  return facts.unreadable ? 'INVALID_RESPONSE' : 'UNEXPECTED';
}

/** Whether another attempt may succeed, unless a provider knows better: throttling and unavailability. */
export const isTransient = (code: ErrorCode): boolean => code === 'THROTTLED' || code === 'UNAVAILABLE';

/** Every name in `names` meaning `code`, for building a table from lists. */
export const each = (names: readonly string[], code: ErrorCode): Record<string, ErrorCode> => Object.fromEntries(names.map((name) => [name, code]));

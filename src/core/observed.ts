/**
 * Every fact a collector fetches is observed, not assumed: either the API answered (the answer may
 * be "not configured", usually `null`) or it failed with a coded error. A check cannot read an
 * `Observed<T>` as a `T`; it has to go through `ctx.known()`, which turns a failure into ERROR.
 */

import type { ProviderId } from '../../providers/index.js';

/** A provider's id: a key of the registry in providers/index.ts. */
export type { ProviderId };

export const ERROR_CODES = [
  'ACCESS_DENIED', // the identity lacks a permission: `operation` names it
  'THROTTLED', // throttling outlived the retries
  'TIMEOUT', // a call or the scan deadline ran out
  'NOT_ENABLED', // region not opted in, API disabled, service not subscribed
  'NOT_FOUND', // the scope itself vanished (account closed, subscription gone)
  'AUTH_FAILED', // credentials missing or rejected, role not assumable
  'UNAVAILABLE', // 5xx, connection reset, DNS: the service did not answer
  'INVALID_RESPONSE', // an answer we could not parse
  'UNEXPECTED', // anything else the API said
  'CHECK_FAILED', // the check itself threw: a dutyscan bug, not a cloud answer
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface CollectionError {
  readonly code: ErrorCode;
  /** `<service>:<Operation>` as the provider names the permission, e.g. `s3:GetBucketEncryption`. */
  readonly operation: string;
  readonly message: string;
  readonly provider?: ProviderId;
  readonly account?: string;
  readonly region?: string;
}

/**
 * Where an answer came from, so that an auditor can match a fact to the provider's own records
 * (CloudTrail holds the request id of every AWS call).
 */
export interface Provenance {
  /** The operation as `CollectionError.operation` names it (`s3:GetBucketEncryption`, `Microsoft.Sql/servers/read`). */
  readonly operation: string;
  /** The provider's id of the request, where its SDK exposes it. */
  readonly requestId?: string;
  /** When the answer arrived (ISO 8601). */
  readonly at: string;
}

/** The provenance of an answer arriving now. */
export const observedBy = (operation: string, requestId?: string): Provenance =>
  ({ operation, ...(requestId ? { requestId } : {}), at: new Date().toISOString() });

export type Observed<T> =
  | { readonly ok: true; readonly value: T; readonly source?: Provenance }
  | { readonly ok: false; readonly error: CollectionError };

export const seen = <T>(value: T, source?: Provenance): Observed<T> => (source ? { ok: true, value, source } : { ok: true, value });
export const unseen = <T = never>(error: CollectionError): Observed<T> => ({ ok: false, error });

export function isObserved(value: unknown): value is Observed<unknown> {
  return typeof value === 'object' && value !== null && 'ok' in value &&
    (((value as { ok: unknown }).ok === true && 'value' in value) ||
      ((value as { ok: unknown }).ok === false && 'error' in value));
}

/** Apply `fn` to an answered value (keeping where it came from), keep a failure as it is. */
export function mapObserved<T, U>(observed: Observed<T>, fn: (value: T) => U): Observed<U> {
  return observed.ok ? seen(fn(observed.value), observed.source) : observed;
}

export function collectionError(
  code: ErrorCode,
  operation: string,
  message: string,
  where: { provider?: ProviderId; account?: string; region?: string } = {},
): CollectionError {
  return { code, operation, message, ...where };
}

/**
 * How long to wait before retry number `retry` (0 for the first retry): the delay doubles from
 * `initialMs` up to `maxMs`, then a uniform draw between the `jitter` fractions of it spreads the
 * retries of concurrent callers apart. A wait the server asked for (Retry-After) wins over the
 * backoff, since the server knows its own load, up to `retryAfterMaxMs`.
 */
export interface BackoffPolicy {
  readonly initialMs: number;
  readonly maxMs: number;
  /** Default [0.5, 1] ("equal jitter": at least half the delay, so waits still grow). */
  readonly jitter?: readonly [low: number, high: number];
  /** Default `maxMs`. */
  readonly retryAfterMaxMs?: number;
}

export function backoffMs(policy: BackoffPolicy, retry: number, retryAfterMs?: number, random: () => number = Math.random): number {
  if (retryAfterMs !== undefined) return Math.min(retryAfterMs, policy.retryAfterMaxMs ?? policy.maxMs);
  const [low, high] = policy.jitter ?? [0.5, 1];
  const delay = Math.min(policy.maxMs, policy.initialMs * 2 ** retry);
  return delay * (low + random() * (high - low));
}

/** All three HTTP-date forms (IMF-fixdate, RFC 850, asctime) carry a time of day; garbage rarely does. */
const HTTP_DATE_TIME = /\d{2}:\d{2}:\d{2}/;

/**
 * A `Retry-After` value in milliseconds from `now`: delay-seconds (`120`) or an HTTP-date
 * (`Wed, 21 Oct 2026 07:28:00 GMT`; a date in the past means now). Anything else is no hint at
 * all (undefined), never a zero wait.
 */
export function parseRetryAfter(value: string | undefined, now = Date.now()): number | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  if (/^\d+(\.\d+)?$/.test(text)) return Number(text) * 1000;
  const date = HTTP_DATE_TIME.test(text) ? Date.parse(text) : NaN;
  return Number.isFinite(date) ? Math.max(0, date - now) : undefined;
}

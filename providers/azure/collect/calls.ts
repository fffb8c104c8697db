import type { PipelinePolicy } from '@azure/core-rest-pipeline';
import type { Logger } from 'pino';
import type { ApiCaller, ApiOperation } from '../../../src/core/provider.js';
import { backoffMs, type BackoffPolicy } from '../../../src/net/backoff.js';
import { withinBudget } from '../../../src/net/budget.js';
import type { Sleep } from '../../../src/net/sleep.js';
import { isRetryable, retryAfterMs } from './errors.js';

// The adapter's and the tests' injection point for waits.
export { sleep, type Sleep } from '../../../src/net/sleep.js';

/**
 * ARM answers every read with `x-ms-ratelimit-remaining-subscription-reads` (and the tenant and
 * global-subscription variants). When a subscription's bucket runs low we pause its next calls
 * instead of running into 429s that would also slow the customer's own automation.
 */
export class ArmBudget {
  private readonly remaining = new Map<string, number>();

  constructor(private readonly log: Logger, private readonly lowWater = 10) {}

  observe(subscription: string, header: (name: string) => string | undefined): void {
    const values = [
      header('x-ms-ratelimit-remaining-subscription-reads'),
      header('x-ms-ratelimit-remaining-subscription-global-reads'),
      header('x-ms-ratelimit-remaining-tenant-reads'),
    ].map((v) => (v === undefined ? NaN : Number(v))).filter((n) => Number.isFinite(n));
    if (values.length > 0) this.remaining.set(subscription, Math.min(...values));
  }

  /** Milliseconds to wait before the next call on this subscription. */
  delayFor(subscription: string): number {
    const left = this.remaining.get(subscription);
    if (left === undefined || left > this.lowWater) return 0;
    // Buckets refill at 25 reads/s per region: a second restores a comfortable margin.
    return 1000;
  }

  /** A pipeline policy that feeds `observe` from every response of a client bound to a subscription. */
  policy(subscription: string): PipelinePolicy {
    return {
      name: 'dutyscanArmBudget',
      sendRequest: async (request, next) => {
        const response = await next(request);
        this.observe(subscription, (name) => response.headers.get(name));
        if (response.headers.get('x-ms-ratelimit-remaining-subscription-reads') !== undefined) {
          this.log.trace({ subscription, remaining: response.headers.get('x-ms-ratelimit-remaining-subscription-reads') }, 'arm read budget');
        }
        return response;
      },
    };
  }
}

export interface CallerOptions {
  readonly api: ApiCaller;
  readonly log: Logger;
  readonly maxRetries: number;
  readonly sleep: Sleep;
  readonly signal: AbortSignal;
  readonly budget?: ArmBudget;
  /** Per attempt: a call that hangs longer is abandoned (and counts as TIMEOUT). */
  readonly callTimeoutMs?: number;
}

/** 500 ms doubling to 30 s, +-25%; a server's Retry-After is honoured up to 2 minutes. */
const RETRY: BackoffPolicy = { initialMs: 500, maxMs: 30_000, jitter: [0.75, 1.25], retryAfterMaxMs: 120_000 };

/**
 * One API call through the engine's ApiCaller (rate limit, per-account cap, counting), retried on
 * 429/5xx with the server's Retry-After when it gives one. The SDKs' own retries are switched off
 * so every attempt is counted and every wait honours the server.
 */
export async function callAzure<T>(opts: CallerOptions, op: ApiOperation, fn: (signal: AbortSignal) => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    const pause = op.account && opts.budget ? opts.budget.delayFor(op.account) : 0;
    if (pause > 0) await opts.sleep(pause, opts.signal);
    try {
      return await opts.api.call(op, (signal) => withinBudget(signal, opts.callTimeoutMs, fn));
    } catch (error) {
      if (attempt >= opts.maxRetries || !isRetryable(error) || opts.signal.aborted) throw error;
      const server = retryAfterMs(error);
      const wait = backoffMs(RETRY, attempt, server);
      opts.api.retried(op, server !== undefined ? 'retry-after' : 'backoff');
      opts.log.debug({ op, attempt, waitMs: Math.round(wait) }, 'azure call retried');
      await opts.sleep(wait, opts.signal);
    }
  }
}

interface Page<T> extends Array<T> {
  continuationToken?: string;
}
/** Opens the listing at a continuation token (or its start) with the signal of one page's call. */
type Pager<T> = (continuationToken: string | undefined, signal: AbortSignal) => AsyncIterableIterator<T[]>;

/** Reads a page's continuation token; the older SDKs keep it in a package-private map. */
export type TokenOf = (page: unknown) => string | undefined;
const ownToken: TokenOf = (page) => (page as Page<unknown>).continuationToken;

/**
 * Every item of a paged SDK listing, one counted call per page; the listing stops when a page has
 * no continuation, so no call is spent (or counted) on the iterator's empty end. Each page opens
 * the listing afresh at its continuation token, so every page has its own timeout and a failed
 * page is retried from where it stopped (an SDK page iterator cannot be resumed after it threw).
 */
export async function listAll<T>(opts: CallerOptions, op: ApiOperation, pager: Pager<T>, tokenOf: TokenOf = ownToken): Promise<T[]> {
  const out: T[] = [];
  let token: string | undefined;
  for (;;) {
    const result = await callAzure(opts, op, (signal) => pager(token, signal).next());
    if (result.done) return out;
    const page = result.value as Page<T>;
    out.push(...page);
    token = tokenOf(page);
    if (!token) return out;
  }
}

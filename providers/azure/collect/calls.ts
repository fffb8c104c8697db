import type { PipelinePolicy } from '@azure/core-rest-pipeline';
import type { Logger } from 'pino';
import type { ApiCaller, ApiOperation } from '../../../src/core/provider.js';
import { isRetryable, retryAfterMs } from './errors.js';

export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

export const sleep: Sleep = (ms, signal) =>
  new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => { clearTimeout(timer); reject(signal?.reason); };
    const timer = setTimeout(() => { signal?.removeEventListener('abort', onAbort); resolve(); }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });

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
      const backoff = Math.min(30_000, 500 * 2 ** attempt) * (0.75 + Math.random() * 0.5);
      const wait = Math.min(server ?? backoff, 120_000);
      opts.api.retried(op, server !== undefined ? 'retry-after' : 'backoff');
      opts.log.debug({ op, attempt, waitMs: Math.round(wait) }, 'azure call retried');
      await opts.sleep(wait, opts.signal);
    }
  }
}

/**
 * Runs one attempt under the scan's signal and, when given, a per-attempt budget. The budget is our
 * own timer, held by its closure until it fires or the attempt ends: `AbortSignal.any` keeps its
 * sources only weakly, so an `AbortSignal.timeout()` nothing else references can be garbage
 * collected before it fires (Node 20), and a hanging call then never times out.
 */
async function withinBudget<T>(signal: AbortSignal, budgetMs: number | undefined, fn: (signal: AbortSignal) => Promise<T>): Promise<T> {
  if (!budgetMs) return fn(signal);
  const overBudget = new AbortController();
  const timer = setTimeout(() => overBudget.abort(new DOMException(`call exceeded ${budgetMs} ms`, 'TimeoutError')), budgetMs);
  try {
    return await fn(AbortSignal.any([signal, overBudget.signal]));
  } finally {
    clearTimeout(timer);
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

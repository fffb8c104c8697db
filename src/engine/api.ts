import type { ApiCaller, ApiOperation } from '../core/provider.js';
import type { ProviderId } from '../core/observed.js';
import { fairPool, type FairPool } from './pool.js';
import { DEFAULT_RATE_LIMITS, FALLBACK_RATE_LIMIT, TokenBucket } from './rate-limit.js';
import { RUN_SPAN, type Trace } from './trace.js';

export interface ApiStats {
  /** provider -> service -> operation -> calls */
  readonly calls: Record<string, Record<string, Record<string, number>>>;
  readonly retries: Record<string, number>;
  readonly totalCalls: number;
  readonly rateLimitWaitMs: number;
}

export interface ApiCallerOptions {
  readonly rateLimits?: Readonly<Record<string, { perSecond: number; burst: number }>>;
  /** Concurrent requests per account, so one account never takes all the capacity. */
  readonly perAccountRequests?: number;
  readonly signal?: AbortSignal;
  /** Called after every call, for metrics and the progress line. */
  readonly onCall?: (provider: ProviderId, op: ApiOperation, ok: boolean) => void;
  /** Record every call and the waits before it as spans (`--trace`). */
  readonly trace?: Trace | undefined;
  /**
   * In a worker process: the token for a call that names no account, from the bucket the scan's
   * own process keeps (see workers.ts); resolves to the milliseconds waited. A bucket of an
   * account stays in the one process that collects the account.
   */
  readonly sharedBucket?: (op: ApiOperation, signal: AbortSignal) => Promise<number>;
}

/** A retry announced by a provider, until the next attempt of the same operation starts. */
interface PendingRetry {
  readonly start: number;
  readonly reason: string;
  /** The error code of the attempt that failed, when the reason does not already say it. */
  readonly error?: string;
  readonly parent: number;
}

/** The ApiCaller the engine hands to every provider: one per provider per scan. */
export class RateLimitedApi implements ApiCaller {
  private readonly buckets = new Map<string, TokenBucket>();
  private readonly accountLimits = new Map<string, FairPool>();
  /** Keyed by the operation object, which a provider's retry loop passes again for the next attempt. */
  private readonly pendingRetries = new Map<ApiOperation, PendingRetry>();
  /** Per account, the call that last gave back a request slot: what a call waiting for a slot waited for. */
  private readonly lastReleased = new Map<string, number>();
  /** What the last attempt of an operation failed with, for the retry that follows it. */
  private readonly failures = new WeakMap<ApiOperation, string>();
  private readonly stats: { calls: ApiStats['calls']; retries: Record<string, number>; totalCalls: number; rateLimitWaitMs: number };

  constructor(
    readonly provider: ProviderId,
    private readonly options: ApiCallerOptions = {},
    stats?: RateLimitedApi['stats'],
  ) {
    this.stats = stats ?? { calls: {}, retries: {}, totalCalls: 0, rateLimitWaitMs: 0 };
  }

  private bucket(op: ApiOperation): TokenBucket {
    const key = `${op.account ?? '-'}/${op.region ?? '-'}/${op.service}`;
    let bucket = this.buckets.get(key);
    if (!bucket) {
      const limits = { ...DEFAULT_RATE_LIMITS, ...this.options.rateLimits };
      const limit = limits[`${this.provider}/${op.service}`] ?? limits[`${this.provider}/default`] ?? FALLBACK_RATE_LIMIT;
      this.buckets.set(key, (bucket = new TokenBucket(limit.perSecond, limit.burst)));
    }
    return bucket;
  }

  /**
   * An account's request slots, handed to the (service, region) with the fewest calls in flight,
   * i.e. fairly between the account's collection tasks: in first-come order, a task with a few
   * calls one after another (KMS keys, then each key's rotation) queued each of them behind the
   * hundreds of S3 bucket reads queued before it, and finished last (the scale bench's trace).
   */
  private accountLimit(account: string): FairPool {
    let limit = this.accountLimits.get(account);
    if (!limit) this.accountLimits.set(account, (limit = fairPool(this.options.perAccountRequests ?? 16)));
    return limit;
  }

  call<T>(op: ApiOperation, fn: (signal: AbortSignal) => Promise<T>): Promise<T> {
    return this.callWithin(RUN_SPAN, op, fn);
  }

  /**
   * This API with its calls traced as parts of span `parent` (a task, discovery). Without a
   * trace, this API itself: an untraced scan pays nothing per call.
   */
  within(parent: number): ApiCaller {
    if (!this.options.trace) return this;
    return { call: (op, fn) => this.callWithin(parent, op, fn), retried: (op, reason) => this.retriedWithin(parent, op, reason) };
  }

  private async callWithin<T>(parent: number, op: ApiOperation, fn: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const signal = this.options.signal ?? new AbortController().signal;
    const trace = this.options.trace;
    const queued = trace?.now() ?? 0;
    if (trace) this.retryEnded(trace, op, queued);
    // Wait for the token before taking an account slot: a slot held while waiting on one
    // service's bucket would starve the account's other services and regions.
    const shared = op.account === undefined ? this.options.sharedBucket : undefined;
    const waited = await (shared ? shared(op, signal) : this.permit(op));
    this.stats.rateLimitWaitMs += waited;
    if (trace) trace.addLasting('rate-limit', `rate limit ${this.provider}/${op.service}`, parent, queued, queued + waited, this.where(op));
    return this.accountLimit(op.account ?? '-')(`${op.service}/${op.region ?? '-'}`, async () => {
      const byService = (this.stats.calls[this.provider] ??= {});
      const byOperation = (byService[op.service] ??= {});
      byOperation[op.operation] = (byOperation[op.operation] ?? 0) + 1;
      this.stats.totalCalls++;
      const sent = trace?.now() ?? 0;
      const account = op.account ?? '-';
      if (trace) trace.addLasting('pool', 'account request slot', parent, queued + waited, sent, { ...this.where(op), ...released(this.lastReleased.get(account)) });
      try {
        const result = await fn(signal);
        this.options.onCall?.(this.provider, op, true);
        if (trace) this.lastReleased.set(account, trace.add('call', `${op.service}:${op.operation}`, parent, sent, trace.now(), this.where(op)));
        return result;
      } catch (e) {
        this.options.onCall?.(this.provider, op, false);
        if (trace) {
          const error = errorName(e);
          this.failures.set(op, error);
          this.lastReleased.set(account, trace.add('call', `${op.service}:${op.operation}`, parent, sent, trace.now(), { ...this.where(op), args: { error } }));
        }
        throw e;
      }
    });
  }

  /** Wait for a token of `op`'s bucket; returns the milliseconds waited. */
  permit(op: ApiOperation): Promise<number> {
    return this.bucket(op).take(this.options.signal);
  }

  private where(op: ApiOperation): { provider: string; service: string; account?: string; region?: string } {
    return { provider: this.provider, service: op.service, ...(op.account ? { account: op.account } : {}), ...(op.region ? { region: op.region } : {}) };
  }

  retried(op: ApiOperation, reason: string): void {
    this.retriedWithin(RUN_SPAN, op, reason);
  }

  /**
   * A retry is a span from the moment a provider reports it to the next attempt of the same
   * operation (the backoff of Azure's and Google's retry loops). AWS retries inside the SDK,
   * within the call's span, and reports them after it: those stay marks of no length at the end
   * of the call, closed when the next retry of the same call comes or the scan ends.
   */
  private retriedWithin(parent: number, op: ApiOperation, reason: string): void {
    const trace = this.options.trace;
    if (trace) {
      const now = trace.now();
      this.retryEnded(trace, op, now, true);
      const error = this.failures.get(op);
      this.pendingRetries.set(op, { start: now, reason, parent, ...(error && error !== reason ? { error } : {}) });
    }
    const key = `${this.provider}/${op.service}/${reason}`;
    this.stats.retries[key] = (this.stats.retries[key] ?? 0) + 1;
  }

  private retryEnded(trace: Trace, op: ApiOperation, now: number, unanswered = false): void {
    const pending = this.pendingRetries.get(op);
    if (!pending) return;
    this.pendingRetries.delete(op);
    trace.add('retry', `retry ${op.service}:${op.operation}`, pending.parent, pending.start, unanswered ? pending.start : now, { ...this.where(op), args: { reason: pending.reason, ...(pending.error ? { error: pending.error } : {}) } });
  }

  /** Closes the retries no further attempt followed, so that the trace holds every retry. */
  flushTrace(): void {
    const trace = this.options.trace;
    if (trace) for (const op of [...this.pendingRetries.keys()]) this.retryEnded(trace, op, 0, true);
  }

  snapshot(): ApiStats {
    return structuredClone(this.stats);
  }
}

/** A pool wait's link to the span that gave back the slot it took (see criticalPath). */
export const released = (after: number | undefined): { args?: { after: number } } => (after === undefined ? {} : { args: { after } });

/** What a failed call threw, as the trace shows it: the SDK's error name or code, never its message. */
function errorName(e: unknown): string {
  if (typeof e !== 'object' || e === null) return typeof e;
  const { name, code, statusCode, status } = e as { name?: unknown; code?: unknown; statusCode?: unknown; status?: unknown };
  if (typeof code === 'string' && code) return code;
  const http = typeof statusCode === 'number' ? statusCode : status;
  if (typeof http === 'number') return `HTTP ${http}`;
  return typeof name === 'string' ? name : 'Error';
}

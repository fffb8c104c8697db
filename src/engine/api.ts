import pLimit, { type LimitFunction } from 'p-limit';
import type { ApiCaller, ApiOperation } from '../core/provider.js';
import type { ProviderId } from '../core/observed.js';
import { DEFAULT_RATE_LIMITS, FALLBACK_RATE_LIMIT, TokenBucket } from './rate-limit.js';

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
  /**
   * In a worker process: the token for a call that names no account, from the bucket the scan's
   * own process keeps (see workers.ts); resolves to the milliseconds waited. A bucket of an
   * account stays in the one process that collects the account.
   */
  readonly sharedBucket?: (op: ApiOperation, signal: AbortSignal) => Promise<number>;
}

/** The ApiCaller the engine hands to every provider: one per provider per scan. */
export class RateLimitedApi implements ApiCaller {
  private readonly buckets = new Map<string, TokenBucket>();
  private readonly accountLimits = new Map<string, LimitFunction>();
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

  private accountLimit(account: string): LimitFunction {
    let limit = this.accountLimits.get(account);
    if (!limit) this.accountLimits.set(account, (limit = pLimit(this.options.perAccountRequests ?? 16)));
    return limit;
  }

  async call<T>(op: ApiOperation, fn: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const signal = this.options.signal ?? new AbortController().signal;
    // Wait for the token before taking an account slot: a slot held while waiting on one
    // service's bucket would starve the account's other services and regions.
    const shared = op.account === undefined ? this.options.sharedBucket : undefined;
    this.stats.rateLimitWaitMs += await (shared ? shared(op, signal) : this.permit(op));
    return this.accountLimit(op.account ?? '-')(async () => {
      const byService = (this.stats.calls[this.provider] ??= {});
      const byOperation = (byService[op.service] ??= {});
      byOperation[op.operation] = (byOperation[op.operation] ?? 0) + 1;
      this.stats.totalCalls++;
      try {
        const result = await fn(signal);
        this.options.onCall?.(this.provider, op, true);
        return result;
      } catch (e) {
        this.options.onCall?.(this.provider, op, false);
        throw e;
      }
    });
  }

  /** Wait for a token of `op`'s bucket; returns the milliseconds waited. */
  permit(op: ApiOperation): Promise<number> {
    return this.bucket(op).take(this.options.signal);
  }

  retried(op: ApiOperation, reason: string): void {
    const key = `${this.provider}/${op.service}/${reason}`;
    this.stats.retries[key] = (this.stats.retries[key] ?? 0) + 1;
  }

  snapshot(): ApiStats {
    return structuredClone(this.stats);
  }
}

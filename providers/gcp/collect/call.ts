import type { ApiCaller, ApiOperation } from '../../../src/core/provider.js';
import { backoffMs } from '../../../src/net/backoff.js';
import { withinBudget } from '../../../src/net/budget.js';
import { sleep } from '../../../src/net/sleep.js';
import { isRetryable, parseGcpError } from './errors.js';

export interface RetryPolicy {
  /** Attempts after the first, for 429 and 503 answers. */
  readonly maxRetries: number;
  /** First backoff; doubles per attempt, with equal jitter, capped at 30 s. */
  readonly baseMs: number;
  /**
   * Budget of one attempt, enforced here on the signal handed to the call. The clients have their
   * own `timeout`, but gaxios (googleapis) joins it to our signal with `AbortSignal.any` over
   * `AbortSignal.timeout()`, which holds the timeout only weakly: a garbage collection while the
   * call hangs drops it (Node 20), and the call then waits for the answer however long it takes.
   */
  readonly attemptTimeoutMs?: number;
}

/**
 * Every Google call goes through `ApiCaller.call` (rate limit, per-account cap, counting), once per
 * attempt. The gax clients do not retry a 429 in REST mode and the others' retries are switched
 * off, so the backoff here is the only one, and every retry is recorded.
 */
export class GcpCaller {
  constructor(
    readonly api: ApiCaller,
    readonly retry: RetryPolicy,
    readonly signal?: AbortSignal,
  ) {}

  async call<T>(op: ApiOperation, fn: (signal: AbortSignal) => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.api.call(op, (signal) => withinBudget(signal, this.retry.attemptTimeoutMs, fn));
      } catch (e) {
        const info = parseGcpError(e);
        if (attempt >= this.retry.maxRetries || !isRetryable(info)) throw e;
        this.api.retried(op, info.reason ?? info.rpcStatus ?? String(info.status ?? info.networkCode));
        await sleep(backoffMs({ initialMs: this.retry.baseMs, maxMs: 30_000 }, attempt), this.signal);
      }
    }
  }

  /** Follow `nextPageToken`s: one counted call per page. */
  async pages<T>(op: ApiOperation, fetchPage: (pageToken: string | undefined, signal: AbortSignal) => Promise<{ items: readonly T[]; next: string | null | undefined }>): Promise<T[]> {
    const out: T[] = [];
    let token: string | undefined;
    do {
      const page = await this.call(op, (signal) => fetchPage(token, signal));
      out.push(...page.items);
      token = page.next || undefined;
    } while (token);
    return out;
  }
}

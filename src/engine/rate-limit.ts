import { sleep } from '../net/sleep.js';

/**
 * A token bucket: `burst` calls at once, refilled at `perSecond`. Waiters queue in order, so a
 * busy key cannot starve one that is waiting.
 */
export class TokenBucket {
  private tokens: number;
  private last: number;
  private queue: Promise<void> = Promise.resolve();

  constructor(
    readonly perSecond: number,
    readonly burst: number,
    private readonly clock: () => number = () => performance.now(),
  ) {
    this.tokens = burst;
    this.last = clock();
  }

  /** Resolves when a token is available; returns the milliseconds spent waiting. */
  take(signal?: AbortSignal): Promise<number> {
    const started = this.clock();
    const turn = this.queue.then(() => this.waitForToken(signal));
    this.queue = turn.catch(() => undefined);
    return turn.then(() => this.clock() - started);
  }

  private refill(): void {
    const now = this.clock();
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.perSecond);
    this.last = now;
  }

  private async waitForToken(signal?: AbortSignal): Promise<void> {
    for (;;) {
      signal?.throwIfAborted();
      this.refill();
      if (this.tokens >= 1) {
        this.tokens -= 1;
        return;
      }
      const ms = Math.ceil(((1 - this.tokens) / this.perSecond) * 1000);
      await sleep(ms, signal);
    }
  }
}

/**
 * Defaults from the documented limits (see shared/research/anchors.md §4.4), kept below them so
 * the customer's own automation keeps its share. Keys are `<provider>/<service>`.
 */
export const DEFAULT_RATE_LIMITS: Readonly<Record<string, { perSecond: number; burst: number }>> = {
  'aws/ec2': { perSecond: 10, burst: 50 }, // non-mutating bucket 100, refill 20/s
  'aws/rds': { perSecond: 6, burst: 100 }, // 12/s sustained, 300 burst
  'aws/iam': { perSecond: 10, burst: 20 }, // not published; Steampipe uses 15/s
  'aws/sts': { perSecond: 10, burst: 20 },
  'aws/organizations': { perSecond: 5, burst: 10 },
  'aws/s3': { perSecond: 100, burst: 200 }, // bucket configuration reads: no published limit; S3 serves 5,500 GET/s per prefix, and 8 reads per bucket dominate an S3-heavy account
  'aws/kms': { perSecond: 20, burst: 50 },
  'aws/cloudtrail': { perSecond: 5, burst: 10 },
  'aws/backup': { perSecond: 5, burst: 10 },
  'aws/account': { perSecond: 2, burst: 5 },
  'azure/arm': { perSecond: 12, burst: 125 }, // reads: bucket 250, refill 25/s per principal
  'azure/resourcegraph': { perSecond: 2.5, burst: 10 }, // 15 queries / 5 s per user
  'azure/graph': { perSecond: 5, burst: 20 },
  'gcp/asset': { perSecond: 5, burst: 20 }, // 400/min per consumer project
  'gcp/default': { perSecond: 10, burst: 40 },
};
export const FALLBACK_RATE_LIMIT = { perSecond: 10, burst: 20 };

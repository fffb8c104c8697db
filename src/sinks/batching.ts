import { randomUUID } from 'node:crypto';
import type { Finding, Status } from '../core/finding.js';
import { backoffMs } from '../net/backoff.js';
import { sleep } from '../net/sleep.js';
import { Spool } from './spool.js';

/** What a sink could and could not deliver, in findings. */
export interface SinkReport {
  /** Findings of this scan the receiver accepted. */
  delivered: number;
  /** Findings sent where the receiver cannot confirm receipt (UDP syslog): neither delivered nor known to be lost. */
  unconfirmed: number;
  /** Findings of this scan written to the spool for a later replay. */
  spooled: number;
  /** Findings lost: the spool was full or unwritable, or the receiver rejected them one by one. */
  failed: number;
  /** Findings from earlier runs' spool delivered now. */
  replayed: number;
  /** Findings still in the spool after this run (earlier runs' and this run's). */
  backlog: number;
  /** Per-finding rejections, when the receiver reports them (Security Hub). */
  rejections: { id: string; code: string; message: string }[];
}

export interface Sink {
  readonly name: string;
  /** Never blocks and, while the sink is open, never throws: a finding is queued, batched, and delivered or spooled. */
  write(finding: Finding): void;
  /**
   * Delivers what is queued, within the sink's close timeout, then spools the rest. `now`: the
   * process is going away, so nothing waits for a receiver: what is not delivered yet is spooled
   * at once (a batch in flight goes to the spool too, at least once).
   */
  close(options?: { now?: boolean }): Promise<SinkReport>;
}

/** A delivery failure. `retryable` failures are retried with backoff; others are spooled at once. */
export class DeliveryError extends Error {
  constructor(message: string, readonly retryable: boolean, readonly retryAfterMs?: number) {
    super(message);
    this.name = 'DeliveryError';
  }
}

export interface DeliveryResult {
  /** Records the receiver rejected individually (indices into the batch); the rest were accepted. */
  readonly rejected?: readonly { index: number; id: string; code: string; message: string }[];
  /** The transport handed the batch over with no way to learn whether it arrived (UDP). */
  readonly unconfirmed?: boolean;
}

export interface Transport<R> {
  /** `batchId` is the same on every attempt and on replays from the spool: receivers deduplicate on it. */
  deliver(records: readonly R[], signal: AbortSignal, batchId: string): Promise<DeliveryResult | void>;
  /** Ends everything the transport opened (sockets, agents, clients): nothing may keep the process alive after it. */
  close?(): Promise<void>;
}

export interface BatchingOptions {
  readonly batchSize: number;
  readonly flushMs: number;
  readonly concurrency: number;
  readonly maxQueuedBatches: number;
  readonly closeTimeoutMs: number;
  readonly retry: { readonly attempts: number; readonly initialDelayMs: number; readonly maxDelayMs: number };
  readonly spool: { readonly dir: string; readonly maxBytes: number };
  readonly statuses?: readonly Status[] | undefined;
  readonly includeMuted: boolean;
  /** Replay the spool of earlier runs when the sink starts (default true). */
  readonly replay?: boolean;
  readonly log?: (level: 'info' | 'warn' | 'error', message: string, fields?: Record<string, unknown>) => void;
}

/** A batch of this run (records in memory), or one from the spool (read, with its id, when its turn comes). */
type Batch<R> = { readonly id: string; readonly records: readonly R[]; readonly file?: undefined } | { readonly file: string; readonly records?: undefined };

/**
 * The delivery machinery every sink shares: findings are turned into records, collected into
 * batches (by size, or after `flushMs`), and delivered by up to `concurrency` workers. A failed
 * batch is retried with exponential backoff and jitter (honouring Retry-After); when the
 * retries run out, or the receiver refuses it outright, or the queue is too long, or close()
 * runs out of time, the batch is written to the spool. At-least-once: a batch whose outcome is
 * unknown (timeout, connection reset after sending) is sent again, so receivers may see
 * duplicates and should key on the finding id.
 */
export class BatchingSink<R> implements Sink {
  private current: R[] = [];
  private timer: NodeJS.Timeout | undefined;
  private readonly queue: Batch<R>[] = [];
  private inFlight = 0;
  private readonly pending = new Set<Promise<void>>();
  private readonly abort = new AbortController();
  private closed = false;
  private readonly report: SinkReport = { delivered: 0, unconfirmed: 0, spooled: 0, failed: 0, replayed: 0, backlog: 0, rejections: [] };
  readonly spool: Spool;

  constructor(
    readonly name: string,
    private readonly transport: Transport<R>,
    private readonly toRecord: (finding: Finding) => R | undefined,
    private readonly options: BatchingOptions,
  ) {
    this.spool = new Spool(options.spool.dir, name, options.spool.maxBytes);
    if (options.replay !== false) this.replaySpool();
  }

  write(finding: Finding): void {
    if (this.closed) throw new Error(`sink ${this.name}: write after close`);
    if (this.options.statuses && !this.options.statuses.includes(finding.status)) return;
    if (finding.muted && !this.options.includeMuted) return;
    let record: R | undefined;
    try {
      record = this.toRecord(finding);
    } catch (error) {
      this.log('error', 'cannot encode finding', { finding: finding.id, error: String(error) });
      this.report.failed++;
      return;
    }
    if (record === undefined) return;
    this.current.push(record);
    if (this.current.length >= this.options.batchSize) this.cut();
    else this.timer ??= setTimeout(() => this.cut(), this.options.flushMs).unref();
  }

  /** Queue the spool's batches from earlier runs, oldest first. */
  replaySpool(): void {
    // Only the file names are queued: a large backlog is read one batch at a time.
    for (const file of this.spool.list()) this.queue.push({ file });
    this.pump();
  }

  private cut(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.current.length === 0) return;
    const batch = { id: randomUUID(), records: this.current };
    this.current = [];
    if (this.queue.length >= this.options.maxQueuedBatches) this.toSpool(batch, 'queue full');
    else {
      this.queue.push(batch);
      this.pump();
    }
  }

  private pump(): void {
    while (this.inFlight < this.options.concurrency && this.queue.length > 0) {
      const batch = this.queue.shift() as Batch<R>;
      this.inFlight++;
      const p = this.send(batch).finally(() => {
        this.inFlight--;
        this.pending.delete(p);
        this.pump();
      });
      this.pending.add(p);
    }
  }

  private async send(queued: Batch<R>): Promise<void> {
    let batch: { readonly id: string; readonly records: readonly R[]; readonly file?: string | undefined };
    if (queued.file !== undefined) {
      try {
        const spooled = this.spool.read(queued.file);
        batch = { id: spooled.id, records: spooled.records as R[], file: queued.file };
      } catch (error) {
        this.log('error', 'unreadable spool file left in place', { file: queued.file, error: String(error) });
        return;
      }
    } else batch = queued;
    const signal = this.abort.signal;
    let lastError = 'aborted before sending';
    for (let attempt = 1; attempt <= this.options.retry.attempts && !signal.aborted; attempt++) {
      try {
        const result = await this.transport.deliver(batch.records, signal, batch.id);
        const rejected = result?.rejected ?? [];
        for (const r of rejected) this.report.rejections.push({ id: r.id, code: r.code, message: r.message });
        const accepted = batch.records.length - rejected.length;
        if (batch.file) this.spool.remove(batch.file);
        if (result?.unconfirmed) this.report.unconfirmed += accepted;
        else if (batch.file) this.report.replayed += accepted;
        else this.report.delivered += accepted;
        this.report.failed += rejected.length;
        return;
      } catch (error) {
        lastError = error instanceof Error ? error.message : String(error);
        const retryable = !(error instanceof DeliveryError) || error.retryable;
        if (!retryable || attempt === this.options.retry.attempts || signal.aborted) break;
        const { initialDelayMs, maxDelayMs } = this.options.retry;
        const delay = backoffMs({ initialMs: initialDelayMs, maxMs: maxDelayMs }, attempt - 1, error instanceof DeliveryError ? error.retryAfterMs : undefined);
        this.log('warn', 'delivery failed, retrying', { attempt, delayMs: Math.round(delay), error: lastError });
        try {
          await sleep(delay, signal);
        } catch {
          break; // closing: the batch goes to the spool
        }
      }
    }
    if (batch.file) {
      this.log('warn', 'spooled batch still undeliverable, kept for the next run', { file: batch.file, error: lastError });
      return;
    }
    this.toSpool(batch, lastError);
  }

  private toSpool({ id, records }: { readonly id: string; readonly records: readonly R[] }, reason: string): void {
    try {
      const file = this.spool.write(records, id);
      this.report.spooled += records.length;
      this.log('warn', 'batch spooled for replay', { file, records: records.length, reason });
    } catch (error) {
      this.report.failed += records.length;
      this.log('error', 'batch lost: cannot spool it', { records: records.length, reason, error: String(error) });
    }
  }

  async close(options: { now?: boolean } = {}): Promise<SinkReport> {
    if (options.now) this.abort.abort();
    if (!this.closed) {
      this.closed = true;
      this.cut();
      const deadline = setTimeout(() => {
        this.log('warn', 'close timeout: spooling what is left', { queued: this.queue.length, inFlight: this.inFlight });
        this.abort.abort();
      }, this.options.closeTimeoutMs).unref();
      while (this.pending.size > 0 || this.queue.length > 0) {
        if (this.abort.signal.aborted) {
          // Whatever has not started is spooled (spool-origin batches simply stay where they are).
          for (const batch of this.queue.splice(0)) if (batch.records) this.toSpool(batch, 'close timeout');
        }
        if (this.pending.size > 0) await Promise.race(this.pending);
      }
      clearTimeout(deadline);
      await this.transport.close?.();
      this.report.backlog = this.spool.list().reduce((n, file) => {
        try { return n + this.spool.read(file).records.length; } catch { return n; }
      }, 0);
    }
    return { ...this.report, rejections: [...this.report.rejections] };
  }

  private log(level: 'info' | 'warn' | 'error', message: string, fields: Record<string, unknown> = {}): void {
    this.options.log?.(level, `sink ${this.name}: ${message}`, fields);
  }
}

import { fork, type ChildProcess } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import pLimit, { type LimitFunction } from 'p-limit';
import type { Logger } from 'pino';
import type { AnyCheck } from '../core/check.js';
import type { Listing } from '../core/inventory.js';
import { collectionError, type CollectionError, type ProviderId } from '../core/observed.js';
import type { Policy } from '../core/policy.js';
import type { ApiOperation, PortableTarget } from '../core/provider.js';
import { GLOBAL_REGION, type Scope } from '../core/resource.js';
import { shardOf } from '../core/shard.js';
import { HEAP_GROWTH_FLAG, setsHeapGrowth } from '../util/heap.js';
import type { Config } from '../config/schema.js';
import type { AccountVisitor, RemoteAccounts } from './collect.js';
import type { Result } from './evaluate.js';
import type { ScanPart } from './merge.js';
import type { Span } from './trace.js';

/**
 * `--workers N`: the accounts of a live scan collected and evaluated in N child processes.
 *
 * Why processes, not threads: each has its own heap and its own peak RSS (the scan's memory per
 * process stays that of the accounts it has in flight), a crash or an out-of-memory kills one
 * worker and not the scan, and the SDK's CPU work runs on every core all the same.
 *
 * The parent discovers, then sends each target (its plain part, never a credential: the worker
 * assumes the role again) to the worker `shardOf(provider/account, N)`: a target always lands on the
 * same worker for a given N. The worker sends back each check's result before annotation; the
 * parent annotates, mutes, counts and emits them, so the finding stream, outputs, sinks and
 * summary are made in one place exactly as with one process.
 *
 * Rate limits, one budget per bucket for the whole scan: a bucket is per (account, region,
 * service), and an account is collected by exactly one worker, so each account's buckets live in
 * that worker alone. A call that names no account (an AssumeRole refresh) takes its token from the
 * parent's bucket over the channel. Concurrency limits (`concurrency.accounts`, `tasks`,
 * `perService`) hold per worker process.
 */
export const DEFAULT_MAX_WORKERS = 4;

/** The machine's cores, at most DEFAULT_MAX_WORKERS. */
export const defaultWorkers = (): number => Math.min(DEFAULT_MAX_WORKERS, availableParallelism());

/** What a worker needs once: the config and which checks each provider runs. */
export interface WorkerInit {
  readonly index: number;
  readonly config: Config;
  readonly checks: Partial<Record<ProviderId, readonly string[]>>;
  readonly policy: Policy;
  readonly now: Date;
  readonly recordReads: boolean;
  readonly saveListings: boolean;
  readonly logLevel: string;
  /** Record spans (`--trace`): they come back with the part. */
  readonly trace: boolean;
}

/** A result as it crosses processes: its check named by id. */
export type PortableResult = Omit<Result, 'check'> & { readonly checkId: string };

export type ToWorker =
  | { readonly t: 'init'; readonly init: WorkerInit }
  | { readonly t: 'job'; readonly job: number; readonly target: PortableTarget }
  | { readonly t: 'permit'; readonly id: number; readonly waitedMs?: number; readonly error?: string }
  | { readonly t: 'abort'; readonly reason: string }
  | { readonly t: 'finish' };

/** What a worker sends in batches (see worker.ts), in the order it happened. */
export type Batched =
  | { readonly t: 'result'; readonly job: number; readonly result: PortableResult; readonly scope: Scope }
  | { readonly t: 'unseen'; readonly job: number; readonly error: CollectionError }
  | { readonly t: 'listing'; readonly listing: Listing }
  | { readonly t: 'done'; readonly job: number };

export type FromWorker =
  | { readonly t: 'batch'; readonly messages: readonly Batched[] }
  | { readonly t: 'calls'; readonly n: number }
  | { readonly t: 'permit'; readonly id: number; readonly provider: ProviderId; readonly op: ApiOperation }
  | { readonly t: 'part'; readonly part: ScanPart; readonly usage: WorkerUsage; readonly spans: readonly Span[] };

/** What one worker process used, for the benchmark's per-process figures. */
export interface WorkerUsage {
  readonly index: number;
  readonly pid: number;
  readonly peakRssMb: number;
  readonly cpuSeconds: number;
}

/** What the scan hands the workers' results to, and asks of them. */
export interface WorkerHost {
  readonly init: Omit<WorkerInit, 'index'>;
  /** Every check a worker may name in a result, by id. */
  readonly checks: ReadonlyMap<string, AnyCheck>;
  readonly log: Logger;
  readonly signal: AbortSignal;
  publish(result: Result, scope: Scope): Promise<void>;
  accountDone(): void;
  calls(n: number): void;
  onListing?: ((listing: Listing) => void) | undefined;
  permit(provider: ProviderId, op: ApiOperation): Promise<number>;
}

interface Job {
  readonly target: PortableTarget;
  readonly checks: readonly AnyCheck[];
  readonly visit: AccountVisitor;
  /** The job's results published so far, in order: `done` waits for them. */
  published: Promise<void>;
  finished: () => void;
}

/** The worker module next to this one: worker.js when built; worker.ts from the sources (tests, the benchmark), loaded through tsx. */
function workerModule(): { path: string; execArgv: string[] } {
  const fromSource = import.meta.url.endsWith('.ts');
  const path = fileURLToPath(new URL(fromSource ? './worker.ts' : './worker.js', import.meta.url));
  const tsx = process.execArgv.some((a) => a.includes('tsx'));
  // The CLI sets its heap growth at run time (bin/dutyscan.js), which a child does not inherit.
  const heap = setsHeapGrowth(process.execArgv) ? [] : [HEAP_GROWTH_FLAG];
  return { path, execArgv: [...process.execArgv, ...heap, ...(fromSource && !tsx ? ['--import', 'tsx'] : [])] };
}

class Worker {
  readonly jobs = new Map<number, Job>();
  readonly limit: LimitFunction;
  part: ScanPart | undefined;
  usage: WorkerUsage | undefined;
  spans: readonly Span[] = [];
  exit: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  readonly exited: Promise<void>;
  private readonly child: ChildProcess;

  constructor(
    readonly index: number,
    private readonly host: WorkerHost,
    private readonly jobCounter: { next: number },
  ) {
    this.limit = pLimit(host.init.config.concurrency.accounts);
    const { path, execArgv } = workerModule();
    this.child = fork(path, [], { serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'], execArgv });
    this.exited = new Promise((resolve) => {
      // 'close', not 'exit': by then every message the worker sent has been read.
      this.child.once('close', (code, signal) => {
        this.exit = { code, signal };
        this.failPending();
        resolve();
      });
    });
    this.child.on('message', (m: FromWorker) => this.receive(m));
    // A worker gone before it read a message must not crash the scan: its exit fails its jobs.
    this.child.on('error', (e) => host.log.error({ worker: index, message: e.message }, 'worker process error'));
    this.send({ t: 'init', init: { ...host.init, index } });
    if (host.signal.aborted) this.send({ t: 'abort', reason: String(host.signal.reason) });
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  account(target: PortableTarget, checks: readonly AnyCheck[], visit: AccountVisitor): Promise<void> {
    return this.limit(() => new Promise<void>((finished) => {
      if (this.exit) {
        void this.fail({ target, checks, visit, published: Promise.resolve(), finished });
        return;
      }
      const job = this.jobCounter.next++;
      this.jobs.set(job, { target, checks, visit, published: Promise.resolve(), finished });
      this.send({ t: 'job', job, target });
    }));
  }

  send(message: ToWorker): void {
    if (this.exit || !this.child.connected) return;
    this.child.send(message, (e) => { if (e) this.host.log.debug({ worker: this.index, message: e.message }, 'message to worker not sent'); });
  }

  finish(): Promise<void> {
    this.send({ t: 'finish' });
    return this.exited;
  }

  kill(): void {
    if (!this.exit) this.child.kill('SIGKILL');
  }

  private receive(m: FromWorker): void {
    const { host } = this;
    switch (m.t) {
      case 'batch':
        for (const message of m.messages) this.receiveBatched(message);
        return;
      case 'calls':
        host.calls(m.n);
        return;
      case 'permit':
        host.permit(m.provider, m.op).then(
          (waitedMs) => this.send({ t: 'permit', id: m.id, waitedMs }),
          (e: unknown) => this.send({ t: 'permit', id: m.id, error: e instanceof Error ? e.message : String(e) }),
        );
        return;
      case 'part':
        this.part = m.part;
        this.usage = m.usage;
        this.spans = m.spans;
        return;
    }
  }

  private receiveBatched(m: Batched): void {
    const { host } = this;
    switch (m.t) {
      case 'result': {
        const job = this.jobs.get(m.job);
        const check = host.checks.get(m.result.checkId);
        if (!job || !check) return;
        const { checkId: _, ...rest } = m.result;
        job.published = job.published.then(() => host.publish({ ...rest, check }, m.scope));
        return;
      }
      case 'unseen': {
        const job = this.jobs.get(m.job);
        if (job) job.published = job.published.then(() => job.visit.unseen(scopeOf(job.target), job.checks, m.error));
        return;
      }
      case 'done': {
        const job = this.jobs.get(m.job);
        if (!job) return;
        this.jobs.delete(m.job);
        void job.published.finally(() => {
          host.accountDone();
          job.finished();
        });
        return;
      }
      case 'listing':
        host.onListing?.(m.listing);
        return;
    }
  }

  /** The worker is gone: every account it had not finished is an ERROR naming it. */
  private failPending(): void {
    const jobs = [...this.jobs.values()];
    this.jobs.clear();
    for (const job of jobs) void this.fail(job);
  }

  private async fail(job: Job): Promise<void> {
    const how = this.exit?.signal ? `was killed by ${this.exit.signal}` : `exited with code ${this.exit?.code}`;
    const error = collectionError('UNEXPECTED', 'dutyscan:worker', `worker ${this.index} (pid ${this.pid}) ${how} before it finished this account`,
      { provider: job.target.provider, account: job.target.account, region: GLOBAL_REGION });
    try {
      await job.published.catch(() => undefined);
      await job.visit.unseen(scopeOf(job.target), job.checks, error);
    } finally {
      this.host.accountDone();
      job.finished();
    }
  }
}

const scopeOf = (target: PortableTarget): Scope =>
  ({ provider: target.provider, account: target.account, region: GLOBAL_REGION, ...(target.accountName ? { accountName: target.accountName } : {}) });

/** N worker processes, each target sent to its stable worker. */
export class WorkerPool implements RemoteAccounts {
  /** Started on their first account: a worker no account hashes to is never started. */
  private readonly started = new Map<number, Worker>();
  private readonly jobs = { next: 0 };
  private readonly onAbort: () => void;

  constructor(private readonly count: number, private readonly host: WorkerHost) {
    this.onAbort = () => { for (const w of this.workers) w.send({ t: 'abort', reason: String(host.signal.reason) }); };
    host.signal.addEventListener('abort', this.onAbort, { once: true });
  }

  private get workers(): Worker[] {
    return [...this.started.values()];
  }

  /** Stable sharding: a target always goes to the same worker for a given count (keyed unlike --shard, which hashes the bare account). */
  account(target: PortableTarget, checks: readonly AnyCheck[], visit: AccountVisitor): Promise<void> {
    const index = shardOf(`${target.provider}/${target.account}`, this.count);
    let worker = this.started.get(index);
    if (!worker) this.started.set(index, (worker = new Worker(index, this.host, this.jobs)));
    return worker.account(target, checks, visit);
  }

  /**
   * Ask every worker for its part and wait for all to exit. A worker that exits without its part
   * (killed after its last account) leaves an error: its API statistics are missing from the summary.
   */
  async close(): Promise<{ parts: ScanPart[]; usage: WorkerUsage[]; spans: (readonly Span[])[] }> {
    this.host.signal.removeEventListener('abort', this.onAbort);
    await Promise.all(this.workers.map((w) => w.finish()));
    const parts = this.workers.map((w): ScanPart => w.part ?? {
      accounts: [], scopes: { planned: 0, done: 0 }, apiStats: [], collectionMode: {},
      errors: [collectionError('UNEXPECTED', 'dutyscan:worker', `worker ${w.index} (pid ${w.pid}) exited (${w.exit?.signal ?? w.exit?.code}) without reporting its API calls`, {})],
    });
    return { parts, usage: this.workers.flatMap((w) => (w.usage ? [w.usage] : [])), spans: this.workers.map((w) => w.spans) };
  }

  /** Stop every worker at once (the scan failed). */
  kill(): void {
    for (const w of this.workers) w.kill();
  }
}

import { randomUUID } from 'node:crypto';
import { Cron } from 'croner';
import type { Logger } from 'pino';
import { settlesWithin } from '../net/budget.js';
import { sleep } from '../net/sleep.js';
import type { Finding } from '../core/finding.js';
import type { ScanSummary } from '../core/summary.js';
import type { Change, FindingState, FindingUpdate, HistoryStore, NewScan, ScanRecord, ScanStatus, Trigger } from '../store/types.js';
import type { ScanScope, Schedule } from './config.js';
import { changeEvents, countChanges, Coverage, observe, vanish, type ChangeEvent } from './drift.js';
import { FindingBreakdown, type ServiceMetrics } from './metrics.js';

export interface ScanRequest {
  readonly scanId: string;
  readonly scope: ScanScope;
  readonly signal: AbortSignal;
  readonly now: Date;
}

/** One scan of a scope, streaming its findings: the engine's runScan behind the scope's filters. */
export type ScanFn = (request: ScanRequest, emit: (finding: Finding) => Promise<void>) => Promise<ScanSummary>;

/** Canonical text of a scope: equal scopes (whatever the order of their lists) have equal keys. */
export function scopeKey(scope: ScanScope): string {
  const sorted = (list: readonly string[] | undefined) => (list ? [...new Set(list)].sort() : '*');
  return JSON.stringify({
    providers: sorted(scope.providers),
    accounts: sorted(scope.accounts),
    regions: sorted(scope.regions),
    checks: sorted(scope.checks),
    duties: sorted(scope.duties),
  });
}

export interface ScanTicket {
  readonly scanId: string;
  readonly scopeKey: string;
  /** Settles when the scan is recorded (completed, interrupted or failed). */
  readonly done: Promise<ScanRecord | undefined>;
}

export type TriggerResult =
  | ({ readonly accepted: true } & ScanTicket)
  | { readonly accepted: false; readonly reason: SkipReason; readonly scanId?: string };

/** Why a trigger did not queue a scan: its scope is running or queued, the service is stopping, or the queue is full. */
export type SkipReason = 'busy' | 'stopping' | 'queue-full';

/** Scans that may wait behind the running one unless configured otherwise. */
export const DEFAULT_MAX_QUEUED = 100;

interface Job {
  readonly scanId: string;
  readonly scope: ScanScope;
  readonly scopeKey: string;
  readonly trigger: Trigger;
  readonly schedule: string | null;
  readonly resolve: (record: ScanRecord | undefined) => void;
  controller?: AbortController;
  started?: Promise<void>;
}

/** One scan's outlet: every recorded finding, or only the changes, then close (flush, report). */
export interface Publisher {
  finding?(finding: Finding): void;
  change?(event: ChangeEvent): void;
  /** `now`: the service is stopping; spool what is not delivered instead of waiting for receivers. */
  close(options?: { now?: boolean }): Promise<void>;
}

export interface CoordinatorOptions {
  readonly store: HistoryStore;
  readonly scan: ScanFn;
  readonly log: Logger;
  readonly metrics?: ServiceMetrics | undefined;
  /** The mutelist in force, recorded with each scan. */
  readonly mutes?: ((now: Date) => NewScan['mutes']) | undefined;
  /** Every finding that moved, after the scan is recorded (changes-only sinks). */
  readonly onChanges?: ((events: readonly ChangeEvent[], summary: ScanSummary, scan: ScanRecord) => Promise<void>) | undefined;
  /** Every finding as recorded, with firstSeen/lastSeen (all-findings sinks). */
  readonly onFinding?: ((finding: Finding) => Promise<void>) | undefined;
  /** Where a scan's findings or changes go as they are recorded (the SIEM sinks); opened per scan. */
  readonly publisher?: ((scanId: string) => Publisher) | undefined;
  readonly clock?: (() => Date) | undefined;
  readonly newId?: (() => string) | undefined;
  /** Prune scans older than this many days after each scan. */
  readonly retentionDays?: number | undefined;
  /** Keep every finding of the last `scans` scans of each scope, and of none older than `days`; older scans keep a compact history. */
  readonly keepFindings?: { readonly scans?: number | undefined; readonly days?: number | undefined } | undefined;
  /** Findings recorded per transaction. */
  readonly batchSize?: number | undefined;
  /** Scans that may wait behind the running one; triggers beyond are refused (default 100). */
  readonly maxQueued?: number | undefined;
}

/**
 * Runs scans one at a time, records them, and computes drift. A trigger for a scope that is
 * already running or queued is refused, so runs of one scope never overlap; triggers for other
 * scopes queue behind the running scan (one scanner identity, one set of API quotas).
 */
export class ScanCoordinator {
  private readonly queue: Job[] = [];
  private current: Job | undefined;
  private stopping = false;
  private pump: Promise<void> = Promise.resolve();
  private readonly clock: () => Date;
  private readonly newId: () => string;

  constructor(private readonly options: CoordinatorOptions) {
    this.clock = options.clock ?? (() => new Date());
    this.newId = options.newId ?? randomUUID;
  }

  get isStopping(): boolean {
    return this.stopping;
  }

  /** The running scan and those waiting, for the API. */
  activity(): { running?: { scanId: string; scopeKey: string }; queued: { scanId: string; scopeKey: string }[] } {
    return {
      ...(this.current ? { running: { scanId: this.current.scanId, scopeKey: this.current.scopeKey } } : {}),
      queued: this.queue.map((j) => ({ scanId: j.scanId, scopeKey: j.scopeKey })),
    };
  }

  /** `origin.scopeKey`: scans compared (and retained) with each other, when not all scans of the scope are (the shards of runs). */
  trigger(scope: ScanScope, origin: { trigger: Trigger; schedule?: string | undefined; scopeKey?: string | undefined }): TriggerResult {
    const schedule = origin.schedule ?? origin.trigger;
    if (this.stopping) {
      this.options.metrics?.scanSkipped(schedule, 'stopping');
      return { accepted: false, reason: 'stopping' };
    }
    const key = origin.scopeKey ?? scopeKey(scope);
    const clash = [this.current, ...this.queue].find((j) => j?.scopeKey === key);
    if (clash) {
      this.options.metrics?.scanSkipped(schedule, 'busy');
      this.options.log.warn({ schedule, scanId: clash.scanId }, 'a scan of this scope is already running or queued: trigger skipped');
      return { accepted: false, reason: 'busy', scanId: clash.scanId };
    }
    // Every queued scan holds its request until it runs, and runs one after another: a client
    // looping over scopes must not grow the queue (and the wait) without end.
    if (this.queue.length >= (this.options.maxQueued ?? DEFAULT_MAX_QUEUED)) {
      this.options.metrics?.scanSkipped(schedule, 'queue-full');
      this.options.log.warn({ schedule, queued: this.queue.length }, 'the scan queue is full: trigger skipped');
      return { accepted: false, reason: 'queue-full' };
    }
    let resolve!: (record: ScanRecord | undefined) => void;
    const done = new Promise<ScanRecord | undefined>((r) => (resolve = r));
    const job: Job = { scanId: this.newId(), scope, scopeKey: key, trigger: origin.trigger, schedule: origin.schedule ?? null, resolve };
    this.queue.push(job);
    this.pump = this.pump.then(() => this.next());
    return { accepted: true, scanId: job.scanId, scopeKey: key, done };
  }

  private async next(): Promise<void> {
    const job = this.queue.shift();
    if (!job) return;
    if (this.stopping) {
      job.resolve(undefined);
      return;
    }
    this.current = job;
    job.controller = new AbortController();
    try {
      job.resolve(await this.execute(job, job.controller.signal));
    } catch (e) {
      // Recording itself failed (the store is down): the scan is lost, the service goes on.
      this.options.log.error({ scanId: job.scanId, err: e }, 'could not record the scan');
      job.resolve(undefined);
    } finally {
      this.current = undefined;
      this.options.metrics?.scanIdle();
    }
  }

  private async execute(job: Job, signal: AbortSignal): Promise<ScanRecord | undefined> {
    const { store, log, metrics } = this.options;
    const startedAt = this.clock();
    const at = startedAt.toISOString();
    const scanLog = log.child({ scanId: job.scanId, schedule: job.schedule ?? job.trigger });
    await store.startScan({
      id: job.scanId,
      schedule: job.schedule,
      trigger: job.trigger,
      scopeKey: job.scopeKey,
      scope: job.scope,
      startedAt: at,
      mutes: this.options.mutes?.(startedAt) ?? [],
    });
    metrics?.scanStarted();
    scanLog.info({ scope: job.scope }, 'scan started');

    const coverage = new Coverage(job.scope.regions);
    const drift: Partial<Record<Change, number>> = {};
    const changes: ChangeEvent[] = [];
    const batchSize = this.options.batchSize ?? 200;
    let batch = new Map<string, Finding>();
    let duplicates = 0;
    const breakdown = new FindingBreakdown();

    const publisher = this.options.publisher?.(job.scanId);
    const apply = async (updates: FindingUpdate[]) => {
      await store.record(job.scanId, at, updates);
      countChanges(updates, drift);
      const events = changeEvents(updates);
      // Kept only for onChanges: a first scan of a large organisation is all "new".
      if (this.options.onChanges) changes.push(...events);
      if (publisher?.change) for (const e of events) publisher.change(e);
      for (const u of updates) {
        if (!u.observed) continue;
        breakdown.add(u.state.finding);
        publisher?.finding?.(u.state.finding);
        await this.options.onFinding?.(u.state.finding);
      }
    };
    const flush = async () => {
      if (batch.size === 0) return;
      const findings = [...batch.values()];
      batch = new Map();
      const previous = await store.findingStates(findings.map((f) => f.id));
      // An id this scan already recorded (the same check on a resource id that is not unique
      // across accounts, such as an AWS-managed policy ARN) keeps its first result.
      const fresh = findings.filter((f) => previous.get(f.id)?.lastScanId !== job.scanId);
      duplicates += findings.length - fresh.length;
      await apply(fresh.map((f) => observe(f, previous.get(f.id), job.scanId, at)));
    };
    const emit = async (finding: Finding) => {
      coverage.add(finding);
      if (batch.has(finding.id)) {
        duplicates++;
        return;
      }
      batch.set(finding.id, finding);
      if (batch.size >= batchSize) await flush();
    };

    let status: Exclude<ScanStatus, 'running'>;
    let summary: ScanSummary | null = null;
    let message: string | null = null;
    try {
      summary = { ...(await this.options.scan({ scanId: job.scanId, scope: job.scope, signal, now: startedAt }, emit)), id: job.scanId };
      await flush();
      status = signal.aborted ? 'interrupted' : 'completed';
      if (signal.aborted) message = 'the service stopped during the scan';
    } catch (e) {
      await flush().catch(() => undefined);
      status = signal.aborted ? 'interrupted' : 'failed';
      message = e instanceof Error ? e.message : String(e);
      scanLog.error({ err: e }, status === 'interrupted' ? 'scan interrupted' : 'scan failed');
    }

    // Only a scan that ran to the end may conclude that what it no longer saw is gone.
    if (status === 'completed') {
      for (const { provider, account } of coverage.accounts.values()) {
        const open: FindingState[] = await store.openFindings(provider, account);
        const gone = open.filter((s) => s.lastScanId !== job.scanId && coverage.looked(s)).map((s) => vanish(s, job.scanId));
        for (let i = 0; i < gone.length; i += batchSize) await apply(gone.slice(i, i + batchSize));
      }
    }

    if (publisher) {
      try {
        // A scan stopped by shutdown must not wait on slow receivers past the process's exit: spool now.
        await publisher.close({ now: signal.aborted });
      } catch (e) {
        scanLog.error({ err: e }, 'closing the sinks failed');
      }
    }
    const finishedAt = this.clock();
    await store.finishScan(job.scanId, { status, finishedAt: finishedAt.toISOString(), summary, message, drift });
    metrics?.scanFinished(job.schedule ?? job.trigger, status, finishedAt.getTime() - startedAt.getTime(), summary, drift, breakdown.list());
    if (duplicates > 0) scanLog.warn({ duplicates }, 'findings with an id already seen in this scan were recorded once');
    scanLog.info({ status, findings: summary?.findings ?? 0, drift }, 'scan recorded');
    await this.retain(finishedAt, scanLog);
    const record = await store.getScan(job.scanId);
    if (summary && record && this.options.onChanges && changes.length > 0) {
      try {
        await this.options.onChanges(changes, summary, record);
      } catch (e) {
        scanLog.error({ err: e }, 'delivering change events failed');
      }
    }
    return record;
  }

  /**
   * Retention after each scan: scans older than retentionDays go, and scans beyond keepFindings
   * lose their findings (the bulk of the store) but keep their counts, drift and summary; then the
   * space is made reusable. The scan is recorded by then: a failure here is logged, not the scan's.
   */
  private async retain(now: Date, log: Logger): Promise<void> {
    const { store, retentionDays, keepFindings } = this.options;
    const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000).toISOString();
    try {
      if (retentionDays !== undefined) {
        const before = daysAgo(retentionDays);
        const pruned = await store.prune(before);
        if (pruned > 0) log.info({ pruned, before }, 'old scans pruned');
      }
      if (keepFindings) {
        const compacted = await store.compact({ scans: keepFindings.scans, before: keepFindings.days === undefined ? undefined : daysAgo(keepFindings.days) }, now.toISOString());
        if (compacted > 0) log.info({ compacted, keepFindings }, 'findings of older scans compacted');
      }
      await store.reclaim();
    } catch (e) {
      log.error({ err: e }, 'retention failed; it runs again after the next scan');
    }
  }

  /** Settles when nothing is running or queued. */
  async idle(): Promise<void> {
    let seen: Promise<void> | undefined;
    while (seen !== this.pump) {
      seen = this.pump;
      await seen;
    }
  }

  /**
   * Stop taking work, drop queued scans, abort the running one (the engine turns what it had not
   * collected into TIMEOUT errors and returns; the scan is recorded as interrupted) and wait for
   * it to be recorded, at most `graceMs`. `drain` lets it run to its end within the grace period.
   */
  async stop(options: { graceMs: number; drain?: boolean }): Promise<void> {
    this.stopping = true;
    for (const job of this.queue.splice(0)) job.resolve(undefined);
    const running = this.current;
    if (!running) return this.idle();
    if (!options.drain) running.controller?.abort(new Error('dutyscan is shutting down'));
    if (await settlesWithin(this.idle(), options.graceMs)) return;
    if (options.drain) {
      running.controller?.abort(new Error('dutyscan is shutting down'));
      if (await settlesWithin(this.idle(), 1000)) return;
    }
    // The scan did not wind down in time: record it as interrupted ourselves before the process exits.
    const at = this.clock().toISOString();
    await this.options.store.finishScan(running.scanId, { status: 'interrupted', finishedAt: at, summary: null, message: 'the service stopped before the scan could wind down', drift: {} });
  }
}

export interface SchedulerOptions {
  readonly log: Logger;
  readonly metrics?: ServiceMetrics | undefined;
  /** For jitter; tests pass a fixed one. */
  readonly random?: (() => number) | undefined;
  readonly sleep?: ((ms: number, signal: AbortSignal) => Promise<void>) | undefined;
}

/** The cron side: each schedule fires in its time zone, waits its jitter, then asks the coordinator. */
export class Scheduler {
  private readonly jobs: Cron[] = [];
  private readonly stopped = new AbortController();

  constructor(
    private readonly schedules: readonly Schedule[],
    private readonly coordinator: ScanCoordinator,
    private readonly options: SchedulerOptions,
  ) {}

  start(): void {
    for (const schedule of this.schedules) {
      // protect: croner never starts a tick while the previous tick of this schedule is still in its callback.
      const job = new Cron(schedule.cron, { name: schedule.name, timezone: schedule.timezone, protect: true, catch: true }, () => this.fire(schedule));
      this.jobs.push(job);
      this.options.log.info({ schedule: schedule.name, cron: schedule.cron, timezone: schedule.timezone, next: job.nextRun()?.toISOString() }, 'schedule armed');
    }
  }

  /** One tick: jitter, then a scan; resolves when that scan is recorded (or was refused). */
  async fire(schedule: Schedule): Promise<void> {
    const jitterMs = Math.floor((this.options.random ?? Math.random)() * schedule.jitterSeconds * 1000);
    try {
      if (jitterMs > 0) await (this.options.sleep ?? sleep)(jitterMs, this.stopped.signal);
    } catch {
      // Stopped during the jitter: nothing to trigger.
    }
    if (this.stopped.signal.aborted) return;
    const result = this.coordinator.trigger(schedule.scope, { trigger: 'schedule', schedule: schedule.name });
    if (result.accepted) await result.done;
  }

  /** When each schedule fires next. */
  nextRuns(): { schedule: string; next: string | null }[] {
    return this.schedules.map((s, i) => ({ schedule: s.name, next: this.jobs[i]?.nextRun()?.toISOString() ?? null }));
  }

  stop(): void {
    this.stopped.abort();
    for (const job of this.jobs) job.stop();
  }
}

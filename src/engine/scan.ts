import type { Logger } from 'pino';
import type { AnyCheck } from '../core/check.js';
import type { Listing, OfflineSource } from '../core/inventory.js';
import type { ProviderId } from '../core/observed.js';
import type { ProviderAdapter } from '../core/provider.js';
import type { Shard } from '../core/shard.js';
import type { ScanSummary } from '../core/summary.js';
import type { Config } from '../config/schema.js';
import type { Catalog } from '../mapping/catalog.js';
import type { ContractProfile } from '../mapping/schema.js';
import { evaluateAccount, type Evaluation } from './account.js';
import { publisher, type Emit } from './annotate.js';
import { collectOffline, Collector, type AccountVisitor } from './collect.js';
import { scopeErrorResult } from './evaluate.js';
import { Mutelist } from './mutelist.js';
import { paramsOf, planScan } from './plan.js';
import { summariseParts, type ScanPart } from './merge.js';
import { Progress, type ScanProgress } from './summarise.js';
import { Tally } from './tally.js';
import { RUN_SPAN, timing, type Trace } from './trace.js';
import { WorkerPool, type WorkerUsage } from './workers.js';
import type { Attestation } from '../attestation/schema.js';

export type { ScanProgress };

export interface ScanOptions {
  readonly config: Config;
  readonly providers: readonly ProviderId[];
  /** The selected checks (after --checks, --duty, --min-severity and config `enabled`). */
  readonly checks: readonly AnyCheck[];
  readonly catalog: Catalog;
  readonly contract: ContractProfile;
  /** Evaluate these listings instead of collecting (a saved inventory or the demo). */
  readonly source?: OfflineSource;
  readonly now?: Date;
  readonly signal?: AbortSignal;
  readonly log: Logger;
  /** Only the accounts this shard owns (src/core/shard.ts), collected or from the offline source alike. */
  readonly shard?: Shard;
  /** Adapters to use instead of the bundled ones (tests, benchmarks). */
  readonly adapters?: Partial<Record<ProviderId, ProviderAdapter>>;
  /** Every listing the scan reads (collected, or from the offline source within the shard), for --save-inventory. */
  readonly onListing?: (listing: Listing) => void;
  readonly onProgress?: (progress: ScanProgress) => void;
  /** Hand `emit` what each assessment read (for `--evidence`); off, nothing is recorded. */
  readonly recordReads?: boolean;
  /** Sign-offs for obligations no check can prove (`--attestations`, the service's store), judged at `now`. */
  readonly attestations?: readonly Attestation[];
  /** Record the scan as spans (`--trace`) and add its timing to the summary; none when absent. */
  readonly trace?: Trace;
  /** `--workers`: collect and evaluate the accounts of a live scan in this many processes (see workers.ts); 1 or absent, in this one. */
  readonly workers?: number;
  /** What each worker process used, once they all exited (the benchmark's per-process figures). */
  readonly onWorkers?: (usage: readonly WorkerUsage[]) => void;
}

/**
 * One scan: plan which checks run where, collect each account's inventory (or read it from the
 * offline source), evaluate each check as soon as its inputs are complete in that account, stream
 * annotated findings to `emit`, and summarise. Memory holds only the inventories of the accounts in flight.
 */
export async function runScan(options: ScanOptions, emit: Emit): Promise<ScanSummary> {
  const started = new Date();
  const { trace } = options;
  const cpuBefore = trace ? process.cpuUsage() : undefined;
  const span = trace?.begin('scan', 'scan', RUN_SPAN);
  const traced = span ? { trace, traceParent: span.id } : {};
  const now = options.now ?? started;
  const { config, log } = options;
  const deadline = config.timeouts.scanMs ? AbortSignal.timeout(config.timeouts.scanMs) : undefined;
  const signal = AbortSignal.any([options.signal, deadline].filter((s): s is AbortSignal => s !== undefined));
  const plan = planScan(options.checks, options.providers);
  const mutelist = new Mutelist(config.mutelist, now);
  const tally = new Tally();
  const publish = publisher({ ...options, mutelist, now, ...(options.source?.firstSeen ? { firstSeen: options.source.firstSeen } : {}) }, tally, emit);
  const progress = new Progress(tally, options.onProgress);
  const policy = options.source?.policy?.(config.policy) ?? config.policy;
  const evaluation: Evaluation = { policy, now, recordReads: options.recordReads === true, log, params: (check) => paramsOf(config, check), publish };
  const visit: AccountVisitor = {
    found: (scope) => progress.found(scope),
    planned: (count) => progress.planned(count),
    discovering: (provider, activity) => progress.discovery(provider, activity),
    async unseen(scope, checks, error) {
      tally.addError(error);
      for (const check of checks) await publish(scopeErrorResult(check, scope, error), scope);
    },
    async evaluate(account) {
      await evaluateAccount(account, evaluation);
      progress.accountDone();
    },
  };

  const workerCount = options.source ? 1 : options.workers ?? 1;
  if (workerCount > 1 && options.adapters) throw new Error('--workers builds each provider\'s adapter from the config in every worker: it cannot use the adapters given to runScan');
  const workers = workerCount > 1 ? new WorkerPool(workerCount, {
    init: {
      config, policy, now, recordReads: evaluation.recordReads, saveListings: options.onListing !== undefined, logLevel: log.level, trace: trace !== undefined,
      checks: Object.fromEntries([...plan].map(([provider, checks]) => [provider, checks.map((c) => c.id)])),
    },
    checks: new Map(options.checks.map((c) => [c.id, c])), log, signal, publish, onListing: options.onListing,
    accountDone: () => progress.accountDone(),
    calls: (n) => { progress.apiCalls += n; },
    permit: (provider, op): Promise<number> => collector.permit(provider, op),
  }) : undefined;
  const collector = new Collector({ ...options, ...traced, signal, onCall: () => progress.apiCalls++, remote: workers });
  const parts: ScanPart[] = [];
  let workerCpuMs = 0;
  try {
    if (options.source) await collectOffline(options.source.listings, plan, { ...options, ...traced }, visit);
    else await Promise.all([...plan].map(([provider, checks]) => collector.provider(provider, checks, visit)));
    if (workers) {
      const closed = await workers.close();
      parts.push(...closed.parts);
      if (span) for (const spans of closed.spans) trace?.absorb(spans, span.id);
      workerCpuMs = closed.usage.reduce((ms, u) => ms + u.cpuSeconds * 1000, 0);
      options.onWorkers?.(closed.usage);
    }
  } finally {
    workers?.kill();
  }

  const part: ScanPart = {
    accounts: progress.accounts, scopes: { planned: progress.scopesPlanned, done: progress.scopesDone }, errors: [], apiStats: collector.stats(), collectionMode: collector.modes,
  };
  span?.close();
  const cpu = cpuBefore && process.cpuUsage(cpuBefore);
  const summary = summariseParts({
    started, source: options.source?.kind ?? 'live', providers: [...plan.keys()], checks: [...plan.values()].flat(), catalog: options.catalog, contract: options.contract,
    mutelist, now, attestations: options.attestations ?? [],
  }, tally, [part, ...parts]);
  return trace && span && cpu ? { ...summary, timing: timing(trace.spans, span.id, (cpu.user + cpu.system) / 1000 + workerCpuMs) } : summary;
}

import { randomUUID } from 'node:crypto';
import pLimit, { type LimitFunction } from 'p-limit';
import type { Logger } from 'pino';
import { paramsFor, type AnyCheck, type Params } from '../core/check.js';
import { withDeadline } from '../core/deadline.js';
import { findingId, type Finding } from '../core/finding.js';
import type { Listing, OfflineSource } from '../core/inventory.js';
import { collectionError, unseen, type CollectionError, type ProviderId } from '../core/observed.js';
import type { CollectTask, ProviderAdapter, Target } from '../core/provider.js';
import { GLOBAL_REGION, type ResourceType, type Scope } from '../core/resource.js';
import { inShard, type Shard } from '../core/shard.js';
import type { ScanSummary } from '../core/summary.js';
import type { Config } from '../config/schema.js';
import { mappingIndex, type Catalog } from '../mapping/catalog.js';
import { curePeriodIndex } from '../mapping/cure.js';
import type { ContractProfile } from '../mapping/schema.js';
import { adapters as defaultAdapters } from '../../providers/index.js';
import { RateLimitedApi, type ApiStats } from './api.js';
import { evaluate, scopeErrorResult, type InventoryView, type Result } from './evaluate.js';
import type { Reads } from './reads.js';
import { Mutelist } from './mutelist.js';
import { fairPool } from './pool.js';
import { Tally } from './tally.js';
import { VERSION } from '../util/version.js';
import { currentAttestations } from '../attestation/expiry.js';
import type { Attestation } from '../attestation/schema.js';

export interface ScanProgress {
  readonly scopesDone: number;
  readonly scopesPlanned: number;
  readonly apiCalls: number;
  readonly findings: number;
  readonly failing: number;
  /** What each provider still discovering waits for ("aws: assuming roles 12/50"); absent once collecting. */
  readonly waitingFor?: string;
}

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
}

/** Receives each finding and, when `recordReads` is on, what its assessment read. */
type Emit = (finding: Finding, reads?: Reads) => void | Promise<void>;

/** The checks' inputs: their own resource type and whatever they read through ctx.related(). */
const inputsOf = (check: AnyCheck): ResourceType[] => [check.resourceType, ...(check.uses ?? [])];

/**
 * One scan: discover accounts, collect each account's inventory through the pools, evaluate each
 * check as soon as its inputs are complete in that account, and stream annotated findings to
 * `emit`. Memory holds only the inventories of the accounts in flight.
 */
export async function runScan(options: ScanOptions, emit: Emit): Promise<ScanSummary> {
  const started = new Date();
  const now = options.now ?? started;
  const { config, log } = options;
  const policy = options.source?.policy?.(config.policy) ?? config.policy;
  const mapping = mappingIndex(options.catalog, options.contract);
  const cureOf = curePeriodIndex(options.contract);
  const mutelist = new Mutelist(config.mutelist, now);
  const tally = new Tally();
  const accounts: ScanSummary['accounts'][number][] = [];
  const collectionMode: ScanSummary['collectionMode'] = {};
  const progress = { scopesDone: 0, scopesPlanned: 0, apiCalls: 0 };
  const deadline = config.timeouts.scanMs ? AbortSignal.timeout(config.timeouts.scanMs) : undefined;
  const signal = AbortSignal.any([options.signal, deadline].filter((s): s is AbortSignal => s !== undefined));

  const discovering = new Map<ProviderId, string>();
  const report = () => {
    const waitingFor = [...discovering].map(([provider, activity]) => `${provider}: ${activity}`).join(' · ');
    options.onProgress?.({ ...progress, findings: tally.findings, failing: tally.byStatus.FAIL, ...(waitingFor ? { waitingFor } : {}) });
  };
  const discoveryStep = (provider: ProviderId, activity: string | undefined) => {
    if (activity === undefined) discovering.delete(provider);
    else discovering.set(provider, activity);
    report();
  };

  const settingsOf = (check: AnyCheck) => config.checks[check.id];
  const paramsOf = (check: AnyCheck): Params => paramsFor(check, settingsOf(check)?.params);

  async function publish(result: Result, scope: Scope): Promise<void> {
    const { check, resource } = result;
    const mute = mutelist.match(check.id, resource);
    const { obligations, frameworks } = mapping(check.id);
    const id = findingId(check.id, resource);
    const severity = settingsOf(check)?.severity ?? check.severity;
    const curePeriod = result.status === 'FAIL' && !mute ? cureOf(obligations, severity) : undefined;
    // An offline source may know when a failure was first seen (the demo's history); otherwise it is now.
    const firstSeen = options.source?.firstSeen?.get(id);
    const annotated: Finding = {
      id,
      status: result.status,
      muted: mute !== undefined,
      ...(mute ? { mute } : {}),
      severity,
      check: { id: check.id, title: check.title, duty: check.duty, service: check.service },
      resource: { ...resource, ...(scope.accountName ? { accountName: scope.accountName } : {}) },
      message: result.message,
      evidence: result.evidence,
      remediation: check.remediation,
      obligations,
      frameworks,
      ...(result.error ? { error: result.error } : {}),
      ...(result.notAssessed ? { notAssessed: result.notAssessed } : {}),
      time: now.toISOString(),
      ...(firstSeen ? { firstSeen } : {}),
      ...(curePeriod ? { curePeriod } : {}),
    };
    const finding = withDeadline(annotated, firstSeen ?? annotated.time, now);
    tally.add(finding);
    await emit(finding, result.reads);
  }

  /** Evaluate every check of one account as its inputs complete; then let the inventory go. */
  async function evaluateAccount(
    provider: ProviderId,
    account: Scope,
    checks: readonly AnyCheck[],
    listingsArrive: (onListings: (listings: readonly Listing[], completedTypes: readonly ResourceType[]) => Promise<void>) => Promise<void>,
    expected: Map<ResourceType, number>,
  ): Promise<void> {
    const inventory = new Map<ResourceType, Listing[]>();
    const view: InventoryView = { listings: (type) => inventory.get(type) ?? [] };
    const pending = new Set(checks);

    const ready = (check: AnyCheck) => inputsOf(check).every((t) => (expected.get(t) ?? 0) === 0);
    const run = async (check: AnyCheck) => {
      pending.delete(check);
      for (const listing of inventory.get(check.resourceType) ?? []) {
        for (const result of evaluate({ check, listing, inventory: view, params: paramsOf(check), policy, now, recordReads: options.recordReads === true })) {
          await publish(result, listing.scope);
        }
      }
    };

    await listingsArrive(async (listings, completedTypes) => {
      for (const l of listings) {
        const list = inventory.get(l.type);
        if (list) list.push(l);
        else inventory.set(l.type, [l]);
      }
      for (const t of completedTypes) expected.set(t, (expected.get(t) ?? 1) - 1);
      for (const check of [...pending]) if (pending.has(check) && ready(check)) await run(check);
    });
    // Whatever is still pending had an input that never completed: say so rather than stay silent.
    for (const check of pending) {
      await publish(
        scopeErrorResult(check, { ...account, region: GLOBAL_REGION }, collectionError('UNEXPECTED', `collect:${check.resourceType}`, 'collection did not complete', { provider, account: account.account })),
        account,
      );
    }
    log.debug({ provider, account: account.account }, 'account evaluated');
  }

  /** A listing for every input type no task or saved listing covers, so nothing reads as empty. */
  const missingListings = (provider: ProviderId, target: Scope, needed: Iterable<ResourceType>, covered: Set<ResourceType>, why: string): Listing[] =>
    [...needed]
      .filter((t) => !covered.has(t))
      .map((type) => ({
        scope: { ...target, region: GLOBAL_REGION },
        type,
        items: unseen(collectionError('UNEXPECTED', `collect:${type}`, why, { provider, account: target.account })),
      }));

  const checksByProvider = new Map<ProviderId, AnyCheck[]>();
  for (const check of options.checks) {
    if (!options.providers.includes(check.provider)) continue;
    checksByProvider.set(check.provider, [...(checksByProvider.get(check.provider) ?? []), check]);
  }
  const neededTypes = (checks: readonly AnyCheck[]) => new Set(checks.flatMap(inputsOf));

  /**
   * The checks that apply to one account. Some accounts are a different kind of scope (an Azure
   * tenant holds users, its subscriptions hold resources): a check whose resource type the
   * provider collects elsewhere, but not in this account, does not apply here. A type nobody
   * collects stays in, so that it surfaces as an ERROR rather than as silence.
   */
  const applicableIn = (checks: readonly AnyCheck[], here: ReadonlySet<ResourceType>, elsewhere: ReadonlySet<ResourceType>) =>
    checks.filter((c) => here.has(c.resourceType) || !elsewhere.has(c.resourceType));

  async function scanOffline(listings: Iterable<Listing>): Promise<void> {
    const byAccount = new Map<string, { scope: Scope; listings: Listing[] }>();
    for (const l of listings) {
      if (inShard(l.scope.account, options.shard)) options.onListing?.(l);
      if (!checksByProvider.has(l.scope.provider)) continue;
      const key = `${l.scope.provider}/${l.scope.account}`;
      let group = byAccount.get(key);
      if (!group) byAccount.set(key, (group = { scope: l.scope, listings: [] }));
      group.listings.push(l);
    }
    // Which types a provider holds anywhere is a property of the whole source, as a live adapter's
    // resourceTypes are: a shard without the tenant must not expect the tenant's users in a subscription.
    const typesByProvider = new Map<ProviderId, Set<ResourceType>>();
    for (const { scope, listings: ls } of byAccount.values()) {
      const types = typesByProvider.get(scope.provider) ?? new Set<ResourceType>();
      for (const l of ls) types.add(l.type);
      typesByProvider.set(scope.provider, types);
    }
    const owned = [...byAccount.values()].filter((g) => inShard(g.scope.account, options.shard));
    progress.scopesPlanned = owned.length;
    for (const { scope, listings: accountListings } of owned) {
      const provider = scope.provider;
      const present = new Set(accountListings.map((l) => l.type));
      const checks = applicableIn(checksByProvider.get(provider) ?? [], present, typesByProvider.get(provider) ?? new Set());
      accounts.push({ provider, account: scope.account, ...(scope.accountName ? { name: scope.accountName } : {}) });
      const all = [...accountListings, ...missingListings(provider, scope, neededTypes(checks), present, 'not present in the inventory file')];
      await evaluateAccount(provider, scope, checks, (deliver) => deliver(all, []), new Map<ResourceType, number>());
      progress.scopesDone++;
      report();
    }
  }

  async function scanProvider(provider: ProviderId): Promise<void> {
    const checks = checksByProvider.get(provider) ?? [];
    discoveryStep(provider, 'discovering accounts');
    try {
      const adapter =
        options.adapters?.[provider] ??
        (await defaultAdapters[provider](config, { log: log.child({ provider }), callTimeoutMs: config.timeouts.callMs }));
      const discovery = await adapter.discover({
        api: api(provider), signal, log: log.child({ provider }), step: (activity) => discoveryStep(provider, activity), ...(options.shard ? { shard: options.shard } : {}),
      });
      if (discovery.mode) collectionMode[provider] = discovery.mode;
      for (const failure of discovery.failures) {
        accounts.push({ provider, account: failure.scope.account, ...(failure.scope.accountName ? { name: failure.scope.accountName } : {}) });
        tally.addError(failure.error);
        const holds = failure.resourceTypes ? new Set(failure.resourceTypes) : undefined;
        const affected = checks.filter((check) => !holds || holds.has(check.resourceType));
        for (const check of affected) await publish(scopeErrorResult(check, failure.scope, failure.error), failure.scope);
        saveUnseenAccount(failure.scope, affected, failure.error);
      }
      progress.scopesPlanned += discovery.targets.length;
      discoveryStep(provider, undefined);
      const accountPool = pLimit(config.concurrency.accounts);
      await Promise.all(discovery.targets.map((target) => accountPool(() => scanTarget(provider, adapter, target, checks))));
    } catch (e) {
      // Discovery itself failed (no credentials, Organizations denied): the whole provider is unseen.
      discoveryStep(provider, undefined);
      const error = classify(provider, e, options.adapters?.[provider], `${provider}:discover`);
      tally.addError(error);
      const scope: Scope = { provider, account: 'unknown', region: GLOBAL_REGION };
      for (const check of checks) await publish(scopeErrorResult(check, scope, error), scope);
      saveUnseenAccount(scope, checks, error);
      log.error({ provider, code: error.code, operation: error.operation, message: error.message }, 'discovery failed');
    }
  }

  /**
   * --save-inventory keeps an account discovery could not enter as failed listings, so evaluating
   * the file again reports it as ERROR instead of forgetting it. Only whole accounts: a failed
   * listing in one region of an otherwise collected account would also fail the checks that read
   * that type from any region.
   */
  function saveUnseenAccount(scope: Scope, checks: readonly AnyCheck[], error: CollectionError): void {
    if (!options.onListing || scope.region !== GLOBAL_REGION) return;
    for (const type of new Set(checks.map((c) => c.resourceType))) options.onListing({ scope, type, items: unseen(error) });
  }

  function classify(provider: ProviderId, e: unknown, adapter: ProviderAdapter | undefined, operation: string): CollectionError {
    if (adapter) return adapter.classifyError(e, operation);
    const message = e instanceof Error ? e.message : String(e);
    return collectionError(/credential|token|auth/i.test(message) ? 'AUTH_FAILED' : 'UNEXPECTED', operation, message, { provider });
  }

  // Shared by every account, but fair between them: see pool.ts.
  const taskPool = fairPool(config.concurrency.tasks);
  const servicePools = new Map<string, LimitFunction>();
  const servicePool = (provider: ProviderId, service: string): LimitFunction | undefined => {
    const limit = config.concurrency.perService[`${provider}/${service}`];
    if (limit === undefined) return undefined;
    let pool = servicePools.get(`${provider}/${service}`);
    if (!pool) servicePools.set(`${provider}/${service}`, (pool = pLimit(limit)));
    return pool;
  };

  async function scanTarget(provider: ProviderId, adapter: ProviderAdapter, target: Target, allChecks: readonly AnyCheck[]): Promise<void> {
    const scope: Scope = { provider, account: target.account, region: GLOBAL_REGION, ...(target.accountName ? { accountName: target.accountName } : {}) };
    accounts.push({ provider, account: target.account, ...(target.accountName ? { name: target.accountName } : {}) });
    const tasks = adapter.tasks(target, neededTypes(allChecks));
    const expected = new Map<ResourceType, number>();
    for (const task of tasks) for (const t of task.types) expected.set(t, (expected.get(t) ?? 0) + 1);
    const checks = applicableIn(allChecks, new Set(expected.keys()), new Set(adapter.resourceTypes ?? []));
    const uncovered = missingListings(provider, scope, neededTypes(checks), new Set(expected.keys()), 'dutyscan has no collector for this resource type');
    const taskLog = log.child({ provider, account: target.account });

    await evaluateAccount(provider, scope, checks, async (deliver) => {
      await deliver(uncovered, []);
      await Promise.all(
        tasks.map((task) => {
          const runTask = () => collectTask(adapter, target, task, api(provider), taskLog);
          const pool = servicePool(provider, task.service);
          return taskPool(`${provider}/${target.account}`, () => (pool ? pool(runTask) : runTask())).then(async (listings) => {
            for (const l of listings) options.onListing?.(l);
            await deliver(listings, task.types);
          });
        }),
      );
    }, expected);
    progress.scopesDone++;
    report();
  }

  const apis = new Map<ProviderId, RateLimitedApi>();
  function api(provider: ProviderId): RateLimitedApi {
    let a = apis.get(provider);
    if (!a) apis.set(provider, (a = new RateLimitedApi(provider, { rateLimits: config.rateLimits, perAccountRequests: config.concurrency.perAccountRequests, signal, onCall: () => { progress.apiCalls++; } })));
    return a;
  }

  /** Run one task; whatever it could not deliver becomes error listings for its declared types. */
  async function collectTask(adapter: ProviderAdapter, target: Target, task: CollectTask, taskApi: RateLimitedApi, taskLog: Logger): Promise<readonly Listing[]> {
    const scope: Scope = { provider: target.provider, account: target.account, region: task.region, ...(target.accountName ? { accountName: target.accountName } : {}) };
    const failAll = (error: CollectionError): Listing[] => task.types.map((type) => ({ scope, type, items: unseen(error) }));
    if (signal.aborted) {
      return failAll(collectionError('TIMEOUT', `${task.service}:*`, 'the scan deadline passed before this collector ran', { provider: target.provider, account: target.account, region: task.region }));
    }
    // A timer we clear and a listener we remove once the task is over: AbortSignal.timeout() and
    // a listener left on the composite signal would keep the race, and so the task's listings,
    // reachable until taskMs elapsed, i.e. every account's inventory for the whole scan.
    const overdue = new AbortController();
    const timer = setTimeout(() => overdue.abort(new DOMException(`task exceeded ${config.timeouts.taskMs} ms`, 'TimeoutError')), config.timeouts.taskMs);
    const taskSignal = AbortSignal.any([signal, overdue.signal]);
    let onAbort: (() => void) | undefined;
    try {
      // A collector stuck past its time is abandoned: racing it keeps the scan moving.
      const abandoned = new Promise<never>((_, reject) => {
        onAbort = () => reject(taskSignal.reason);
        taskSignal.addEventListener('abort', onAbort, { once: true });
      });
      const listings = await Promise.race([task.run({ api: taskApi, signal: taskSignal, log: taskLog }), abandoned]);
      const declared = new Set(task.types);
      const delivered = listings.filter((l) => declared.has(l.type));
      const missing = task.types.filter((t) => !delivered.some((l) => l.type === t));
      return [
        ...delivered,
        ...missing.map((type) => ({ scope, type, items: unseen<never>(collectionError('INVALID_RESPONSE', `${task.service}:*`, `the ${task.service} collector returned no ${type} listing`, { provider: target.provider, account: target.account, region: task.region })) })),
      ];
    } catch (e) {
      const error = taskSignal.aborted
        ? collectionError('TIMEOUT', `${task.service}:*`, signal.aborted ? 'the scan deadline passed while collecting' : `the ${task.service} collector did not finish within ${config.timeouts.taskMs} ms`, { provider: target.provider, account: target.account, region: task.region })
        : { ...adapter.classifyError(e, `${task.service}:*`), provider: target.provider, account: target.account, region: task.region };
      taskLog.warn({ service: task.service, region: task.region, code: error.code, operation: error.operation }, 'collector failed');
      return failAll(error);
    } finally {
      clearTimeout(timer);
      if (onAbort) taskSignal.removeEventListener('abort', onAbort);
    }
  }

  if (options.source) {
    await scanOffline(options.source.listings);
  } else {
    await Promise.all([...checksByProvider.keys()].map((p) => scanProvider(p)));
  }

  const statsByProvider: ApiStats[] = [...apis.values()].map((a) => a.snapshot());
  const finished = new Date();
  const apiCalls: ScanSummary['apiCalls'] = {};
  const retries: Record<string, number> = {};
  let totalApiCalls = 0;
  let rateLimitWaitMs = 0;
  for (const s of statsByProvider) {
    for (const [provider, services] of Object.entries(s.calls)) {
      for (const [service, ops] of Object.entries(services)) {
        for (const [op, n] of Object.entries(ops)) {
          ((apiCalls[provider] ??= {})[service] ??= {})[op] = (apiCalls[provider]?.[service]?.[op] ?? 0) + n;
        }
      }
    }
    for (const [k, n] of Object.entries(s.retries)) retries[k] = (retries[k] ?? 0) + n;
    totalApiCalls += s.totalCalls;
    rateLimitWaitMs += s.rateLimitWaitMs;
  }

  const errors = tally.distinctErrors();
  const assessed = new Set(options.checks.filter((c) => checksByProvider.has(c.provider)).map((c) => c.id));
  const attested = currentAttestations(options.attestations ?? [], options.contract, now);
  const obligations = tally.obligations(options.catalog, options.contract, assessed, attested);
  return {
    id: randomUUID(),
    tool: { name: 'dutyscan', version: VERSION },
    startedAt: started.toISOString(),
    finishedAt: finished.toISOString(),
    durationMs: finished.getTime() - started.getTime(),
    source: options.source?.kind ?? 'live',
    providers: [...checksByProvider.keys()],
    contract: { id: options.contract.id, title: options.contract.title },
    scopes: { planned: progress.scopesPlanned, done: progress.scopesDone },
    accounts,
    checks: options.checks.filter((c) => checksByProvider.has(c.provider)).length,
    findings: tally.findings,
    counts: { byStatus: tally.byStatus, failBySeverity: tally.failBySeverity, byDuty: tally.dutyTable(), muted: tally.muted },
    obligations,
    clauses: tally.clauses(options.catalog, options.contract, assessed, attested),
    notAssessed: tally.notAssessed(),
    apiCalls,
    totalApiCalls,
    retries,
    rateLimitWaitMs: Math.round(rateLimitWaitMs),
    errors,
    expiredMutes: mutelist.expired(),
    ...(attested.size > 0 ? { attestations: obligations.flatMap((o) => (o.attestation ? [o.attestation] : [])) } : {}),
    undelivered: {},
    // A scan that reached no account proved nothing: never report it as complete.
    complete: tally.byStatus.ERROR === 0 && errors.length === 0 && progress.scopesPlanned > 0 && progress.scopesDone === progress.scopesPlanned,
    collectionMode,
  };
}

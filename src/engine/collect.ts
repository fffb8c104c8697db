import pLimit, { type LimitFunction } from 'p-limit';
import type { Logger } from 'pino';
import type { AnyCheck } from '../core/check.js';
import type { Listing } from '../core/inventory.js';
import { collectionError, unseen, type CollectionError, type ProviderId } from '../core/observed.js';
import type { ApiOperation, PortableTarget, ProviderAdapter, Target } from '../core/provider.js';
import { GLOBAL_REGION, type ResourceType, type Scope } from '../core/resource.js';
import { inShard, type Shard } from '../core/shard.js';
import type { Config } from '../config/schema.js';
import { adapters as bundledAdapters } from '../../providers/index.js';
import type { AccountInput } from './account.js';
import { RateLimitedApi, released, type ApiCallerOptions, type ApiStats } from './api.js';
import { applicableIn, missingListings, neededTypes, type Plan } from './plan.js';
import { fairPool, type FairPool } from './pool.js';
import { collectTask } from './task.js';
import { RUN_SPAN, type Trace } from './trace.js';

/** What collection tells the scan, account by account. */
export interface AccountVisitor {
  /** An account discovery found, whether it could be entered or not. */
  found(scope: Scope): void;
  /** More accounts to evaluate, as discovery learns of them. */
  planned(count: number): void;
  /** What a provider's discovery waits for now; undefined once it is over. */
  discovering(provider: ProviderId, activity: string | undefined): void;
  /** A scope nothing could be read from: an ERROR for each of `checks`. */
  unseen(scope: Scope, checks: readonly AnyCheck[], error: CollectionError): Promise<void>;
  /** Evaluate an account as its listings arrive. */
  evaluate(account: AccountInput): Promise<void>;
}

interface Sources {
  readonly shard?: Shard | undefined;
  /** Every listing the scan reads within the shard, for --save-inventory. */
  readonly onListing?: ((listing: Listing) => void) | undefined;
}

/** Accounts collected and evaluated in other processes (`--workers`, see workers.ts). */
export interface RemoteAccounts {
  /** Collect and evaluate `target` elsewhere; its results are published as they arrive. */
  account(target: PortableTarget, checks: readonly AnyCheck[], visit: AccountVisitor): Promise<void>;
}

export interface CollectorOptions extends Sources {
  readonly config: Config;
  readonly log: Logger;
  readonly signal: AbortSignal;
  readonly adapters?: Partial<Record<ProviderId, ProviderAdapter>> | undefined;
  readonly onCall: () => void;
  /** Record discovery, accounts, tasks, their calls and waits, and evaluation as spans under `traceParent`. */
  readonly trace?: Trace | undefined;
  readonly traceParent?: number | undefined;
  /** Where the accounts go whose adapter can resume them in another process; absent, all stay here. */
  readonly remote?: RemoteAccounts | undefined;
  /** In a worker: the buckets of calls that name no account, kept by the scan's own process. */
  readonly sharedBucket?: ApiCallerOptions['sharedBucket'];
}

/** Evaluate a saved inventory (or the demo) account by account, as if it had just been collected. */
export async function collectOffline(
  listings: Iterable<Listing>, plan: Plan, { shard, onListing, trace, traceParent = RUN_SPAN }: Sources & Pick<CollectorOptions, 'trace' | 'traceParent'>, visit: AccountVisitor,
): Promise<void> {
  const byAccount = new Map<string, { scope: Scope; listings: Listing[] }>();
  for (const l of listings) {
    if (inShard(l.scope.account, shard)) onListing?.(l);
    if (!plan.has(l.scope.provider)) continue;
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
  const owned = [...byAccount.values()].filter((g) => inShard(g.scope.account, shard));
  visit.planned(owned.length);
  for (const { scope, listings: accountListings } of owned) {
    const present = new Set(accountListings.map((l) => l.type));
    const checks = applicableIn(plan.get(scope.provider) ?? [], present, typesByProvider.get(scope.provider) ?? new Set());
    visit.found(scope);
    const all = [...accountListings, ...missingListings(scope, neededTypes(checks), present, 'not present in the inventory file')];
    const span = trace?.begin('evaluation', `evaluate ${scope.provider} ${scope.account}`, traceParent, { provider: scope.provider, account: scope.account });
    await visit.evaluate({ scope, checks, expected: new Map(), arrive: (deliver) => deliver(all, []) });
    span?.close();
  }
}

/**
 * Live collection: discovers each provider's accounts and runs their tasks through pools shared
 * by every account but fair between them (see pool.ts), one rate-limited API per provider.
 */
export class Collector {
  private readonly apis = new Map<ProviderId, RateLimitedApi>();
  private readonly taskPool: FairPool;
  private readonly servicePools = new Map<string, LimitFunction>();
  /** The task and the account that last gave back a pool slot, for the trace's pool waits (see criticalPath). */
  private lastTask: number | undefined;
  private lastAccount: number | undefined;
  /** How each provider collected, as its discovery said. */
  readonly modes: Partial<Record<ProviderId, string>> = {};

  constructor(private readonly options: CollectorOptions) {
    this.taskPool = fairPool(options.config.concurrency.tasks);
  }

  async provider(provider: ProviderId, checks: readonly AnyCheck[], visit: AccountVisitor): Promise<void> {
    const { config, log, signal, shard, trace, traceParent = RUN_SPAN } = this.options;
    const given = this.options.adapters?.[provider];
    visit.discovering(provider, 'discovering accounts');
    const discovering = trace?.begin('discovery', `discover ${provider}`, traceParent, { provider });
    try {
      const adapter = given ?? (await bundledAdapters[provider](config, { log: log.child({ provider }), callTimeoutMs: config.timeouts.callMs }));
      const discovery = await adapter.discover({
        api: discovering ? this.api(provider).within(discovering.id) : this.api(provider), signal, log: log.child({ provider }), step: (activity) => visit.discovering(provider, activity), ...(shard ? { shard } : {}),
      });
      if (discovery.mode) this.modes[provider] = discovery.mode;
      for (const failure of discovery.failures) {
        visit.found(failure.scope);
        const holds = failure.resourceTypes ? new Set(failure.resourceTypes) : undefined;
        const affected = checks.filter((check) => !holds || holds.has(check.resourceType));
        await visit.unseen(failure.scope, affected, failure.error);
        this.saveUnseenAccount(failure.scope, affected, failure.error);
      }
      visit.planned(discovery.targets.length);
      visit.discovering(provider, undefined);
      discovering?.close({ accounts: discovery.targets.length, failures: discovery.failures.length });
      const accountPool = pLimit(config.concurrency.accounts);
      // One account gains nothing from another process: it is collected here.
      const remote = discovery.targets.length > 1 && adapter.portable && adapter.resume ? this.options.remote : undefined;
      await Promise.all(discovery.targets.map((target) => {
        if (remote && adapter.portable) {
          visit.found(scopeOf(target));
          return remote.account(adapter.portable(target), checks, visit);
        }
        const queued = trace?.now() ?? 0;
        return accountPool(() => {
          trace?.addLasting('pool', 'accounts pool', traceParent, queued, trace.now(), { provider, account: target.account, ...released(this.lastAccount) });
          return this.account(adapter, target, checks, visit);
        });
      }));
    } catch (e) {
      // Discovery itself failed (no credentials, Organizations denied): the whole provider is unseen.
      visit.discovering(provider, undefined);
      discovering?.close({ failed: true });
      const error = given ? given.classifyError(e, `${provider}:discover`) : discoveryError(provider, e);
      const scope: Scope = { provider, account: 'unknown', region: GLOBAL_REGION };
      await visit.unseen(scope, checks, error);
      this.saveUnseenAccount(scope, checks, error);
      log.error({ provider, code: error.code, operation: error.operation, message: error.message }, 'discovery failed');
    }
  }

  /** What every provider's API did, for the summary. */
  stats(): ApiStats[] {
    for (const api of this.apis.values()) api.flushTrace();
    return [...this.apis.values()].map((a) => a.snapshot());
  }

  /** A token from this scan's bucket for `op` (a worker's call that names no account). */
  permit(provider: ProviderId, op: ApiOperation): Promise<number> {
    return this.api(provider).permit(op);
  }

  /** The scan's API of `provider` (a worker resumes its targets with it). */
  api(provider: ProviderId): RateLimitedApi {
    let api = this.apis.get(provider);
    if (!api) {
      const { config, signal, onCall, sharedBucket, trace } = this.options;
      api = new RateLimitedApi(provider, {
        rateLimits: config.rateLimits, perAccountRequests: config.concurrency.perAccountRequests, signal, onCall, trace, ...(sharedBucket ? { sharedBucket } : {}),
      });
      this.apis.set(provider, api);
    }
    return api;
  }

  /** Collect one account's tasks through the shared pools and evaluate it as its listings arrive. */
  async account(adapter: ProviderAdapter, target: Target, allChecks: readonly AnyCheck[], visit: AccountVisitor): Promise<void> {
    const provider = target.provider;
    const scope = scopeOf(target);
    visit.found(scope);
    const tasks = adapter.tasks(target, neededTypes(allChecks));
    const expected = new Map<ResourceType, number>();
    for (const task of tasks) for (const t of task.types) expected.set(t, (expected.get(t) ?? 0) + 1);
    const checks = applicableIn(allChecks, new Set(expected.keys()), new Set(adapter.resourceTypes ?? []));
    const uncovered = missingListings(scope, neededTypes(checks), new Set(expected.keys()), 'dutyscan has no collector for this resource type');
    const { config, log, signal, onListing, trace, traceParent = RUN_SPAN } = this.options;
    const api = this.api(provider);
    const run = { adapter, target, api, log: log.child({ provider, account: target.account }), signal, taskMs: config.timeouts.taskMs };
    const where = { provider, account: target.account };
    const account = trace?.begin('account', `${provider} ${target.accountName ?? target.account}`, traceParent, where);

    await visit.evaluate({
      scope,
      checks,
      expected,
      arrive: async (deliver) => {
        await deliver(uncovered, []);
        await Promise.all(
          tasks.map(async (task) => {
            const span = account && trace?.begin('task', `${task.service} ${task.region}`, account.id, { ...where, region: task.region, service: task.service });
            const collect = async () => {
              if (!span) return collectTask({ ...run, task });
              trace?.addLasting('pool', 'task pool', span.id, span.start, trace.now(), { ...where, region: task.region, ...released(this.lastTask) });
              try {
                return await collectTask({ ...run, task, api: api.within(span.id) });
              } finally {
                this.lastTask = span.id;
              }
            };
            const pool = this.servicePool(provider, task.service);
            const listings = await this.taskPool(`${provider}/${target.account}`, () => (pool ? pool(collect) : collect()));
            span?.close({ listings: listings.length, failed: listings.some((l) => !l.items.ok) });
            for (const l of listings) onListing?.(l);
            const evaluating = account && trace?.now();
            await deliver(listings, task.types);
            if (account && evaluating) trace?.addLasting('evaluation', `evaluate after ${task.service} ${task.region}`, account.id, evaluating, trace.now(), where);
          }),
        );
      },
    });
    account?.close();
    if (account) this.lastAccount = account.id;
  }

  /** A pool of its own for a service the config limits (`concurrency.perService`), else none. */
  private servicePool(provider: ProviderId, service: string): LimitFunction | undefined {
    const key = `${provider}/${service}`;
    const limit = this.options.config.concurrency.perService[key];
    if (limit === undefined) return undefined;
    let pool = this.servicePools.get(key);
    if (!pool) this.servicePools.set(key, (pool = pLimit(limit)));
    return pool;
  }

  /**
   * --save-inventory keeps an account discovery could not enter as failed listings, so evaluating
   * the file again reports it as ERROR instead of forgetting it. Only whole accounts: a failed
   * listing in one region of an otherwise collected account would also fail the checks that read
   * that type from any region.
   */
  private saveUnseenAccount(scope: Scope, checks: readonly AnyCheck[], error: CollectionError): void {
    const { onListing } = this.options;
    if (!onListing || scope.region !== GLOBAL_REGION) return;
    for (const type of new Set(checks.map((c) => c.resourceType))) onListing({ scope, type, items: unseen(error) });
  }
}

/** A discovery failure told apart without an adapter's error table (the bundled adapter may not even have loaded). */
function discoveryError(provider: ProviderId, e: unknown): CollectionError {
  const message = e instanceof Error ? e.message : String(e);
  return collectionError(/credential|token|auth/i.test(message) ? 'AUTH_FAILED' : 'UNEXPECTED', `${provider}:discover`, message, { provider });
}

const scopeOf = (target: Pick<Target, 'provider' | 'account' | 'accountName'>): Scope =>
  ({ provider: target.provider, account: target.account, region: GLOBAL_REGION, ...(target.accountName ? { accountName: target.accountName } : {}) });

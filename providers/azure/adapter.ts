import type { TokenCredential } from '@azure/core-auth';
import { getContinuationToken as subscriptionsToken } from '@azure/arm-resources-subscriptions';
import { DefaultAzureCredential } from '@azure/identity';
import { setMaxListeners } from 'node:events';
import pLimit from 'p-limit';
import picomatch from 'picomatch';
import type { Logger } from 'pino';
import type { Listing } from '../../src/core/inventory.js';
import { collectionError, observedBy, type CollectionError, type Observed } from '../../src/core/observed.js';
import type { CollectTask, DiscoverContext, DiscoveryResult, ProviderAdapter, Target, TaskContext } from '../../src/core/provider.js';
import { GLOBAL_REGION, type ResourceType, type Scope } from '../../src/core/resource.js';
import { inShard } from '../../src/core/shard.js';
import { failedListing, listing } from '../../src/inventory/build.js';
import type { AdapterOptions } from '../index.js';
import type { AzureConfig } from './config.js';
import { ArmBudget, callAzure, listAll, sleep as realSleep, type CallerOptions, type Sleep } from './collect/calls.js';
import { AzureClients } from './collect/clients.js';
import { resolveCloud, type AzureCloud } from './collect/cloud.js';
import { accessUnknown, blindSpots, objectIdOf, readAccess, readsOf, type Access } from './collect/coverage.js';
import { classifyAzureError } from './collect/errors.js';
import { entraUsers, graphError, MicrosoftGraph, REGISTRATION_REPORT } from './collect/graph.js';
import { KINDS, type Kind, type KindContext } from './collect/kinds.js';
import { GraphBatches, QUERIES, ResourceGraph } from './collect/resourcegraph.js';
import { customRoles, subscriptionResource } from './collect/subscription.js';
import './model/types.js';

/** Test and embedding seams: a stub credential, the fake's certificate authority, a clock. */
export interface AzureDeps {
  readonly credential?: TokenCredential;
  readonly ca?: string;
  readonly sleep?: Sleep;
}

interface SubscriptionSession {
  readonly kind: 'subscription';
  readonly displayName: string;
  readonly state: string;
  /** Collected through Resource Graph (visible to it), else through the per-service ARM clients. */
  readonly resourceGraph: boolean;
}
interface TenantSession {
  readonly kind: 'tenant';
}

interface SubscriptionInfo {
  readonly id: string;
  readonly displayName: string;
  readonly state: string;
  readonly tenantId: string | undefined;
}

const UNREADABLE_STATES = new Set(['disabled', 'deleted']);

const scopeOf = (account: string, accountName?: string): Scope => ({
  provider: 'azure',
  account,
  ...(accountName ? { accountName } : {}),
  region: GLOBAL_REGION,
});

function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export class AzureAdapter implements ProviderAdapter {
  readonly id = 'azure' as const;
  /**
   * With `entra: false` the users are not collected anywhere, so the MFA checks report ERROR
   * ("no collector") rather than vanish; disable those two checks to leave them out.
   */
  get resourceTypes(): readonly ResourceType[] {
    return [...(this.config.entra ? (['azure.entra.user'] as const) : []), 'azure.subscription', 'azure.authorization.custom-role', ...KINDS.map((k) => k.type)];
  }
  readonly cloud: AzureCloud;
  private readonly credential: TokenCredential;
  private readonly clients: AzureClients;
  private readonly budget: ArmBudget;
  private readonly graph: ResourceGraph;
  private readonly msGraph: MicrosoftGraph;
  private readonly sleep: Sleep;
  private readonly log: Logger;
  private batches: GraphBatches | undefined;
  /** Per subscription, what the identity may read there: read once, shared by its kinds' tasks. */
  private readonly access = new Map<string, Promise<Observed<Access>>>();
  private principal: Promise<string | undefined> | undefined;
  private tenant = 'tenant';
  private readonly callTimeoutMs: number;

  constructor(private readonly config: AzureConfig, options: AdapterOptions, deps: AzureDeps = {}) {
    this.log = options.log.child({ provider: 'azure' });
    this.callTimeoutMs = options.callTimeoutMs;
    this.cloud = resolveCloud(config);
    this.credential =
      deps.credential ??
      new DefaultAzureCredential({
        ...(config.tenantId ? { tenantId: config.tenantId } : {}),
        authorityHost: this.cloud.authorityHost,
        ...(this.cloud.disableInstanceDiscovery ? { disableInstanceDiscovery: true } : {}),
      });
    this.sleep = deps.sleep ?? realSleep;
    this.budget = new ArmBudget(this.log);
    this.clients = new AzureClients({ cloud: this.cloud, credential: this.credential, budget: this.budget, ...(deps.ca ? { ca: deps.ca } : {}) });
    this.tenant = config.tenantId ?? 'tenant';
    this.graph = new ResourceGraph({ cloud: this.cloud, credential: this.credential, tenant: this.tenant, log: this.log, ...(deps.ca ? { ca: deps.ca } : {}) });
    this.msGraph = new MicrosoftGraph(this.cloud, this.credential, deps.ca);
  }

  /** Resource Graph queries run so far (pages included), for the benchmark and the summary. */
  get resourceGraphQueries(): number {
    return this.graph.queries;
  }

  private callerOptions(ctx: { api: DiscoverContext['api']; signal: AbortSignal; log: Logger }): CallerOptions {
    // Every in-flight SDK request listens on the scan's signal; dozens at once are expected, not a leak.
    setMaxListeners(1000, ctx.signal);
    return { api: ctx.api, log: ctx.log, signal: ctx.signal, sleep: this.sleep, maxRetries: this.config.maxRetries, budget: this.budget, callTimeoutMs: this.callTimeoutMs };
  }

  async discover(ctx: DiscoverContext): Promise<DiscoveryResult> {
    const opts = this.callerOptions(ctx);
    // What the identity may read is read afresh for every scan: grants change between scans.
    this.access.clear();
    const failures: { scope: Scope; error: CollectionError; resourceTypes: readonly ResourceType[] }[] = [];
    // A subscription that cannot be read says nothing about the tenant's users.
    const subscriptionTypes = this.resourceTypes.filter((t) => t !== 'azure.entra.user');
    const fail = (account: string, error: CollectionError, name?: string, resourceTypes: readonly ResourceType[] = subscriptionTypes) =>
      failures.push({ scope: scopeOf(account, name), error, resourceTypes });

    // 1. Every subscription the identity can list (one or a few calls for the tenant).
    let listed: SubscriptionInfo[];
    ctx.step?.('listing subscriptions (Microsoft.Resources/subscriptions/read)');
    try {
      const subs = await listAll(opts, { service: 'arm', operation: 'Microsoft.Resources/subscriptions/read', account: this.tenant }, (t, signal) =>
        this.clients.subscriptions().subscriptions.list({ abortSignal: signal }).byPage(t ? { continuationToken: t } : undefined),
        subscriptionsToken,
      );
      listed = subs.map((s) => ({ id: (s.subscriptionId ?? '').toLowerCase(), displayName: s.displayName ?? s.subscriptionId ?? '', state: s.state ?? 'Unknown', tenantId: s.tenantId }));
    } catch (error) {
      fail(this.tenant, classifyAzureError(error, 'Microsoft.Resources/subscriptions/read'), undefined, this.resourceTypes);
      return { targets: [], failures, mode: 'none' };
    }
    let candidates = new Map(listed.map((s) => [s.id, s]));

    // 2. A configured list: only those, and a configured subscription we cannot read is a failure.
    if (this.config.subscriptions) {
      const wanted = new Map<string, SubscriptionInfo>();
      for (const raw of this.config.subscriptions) {
        const id = raw.toLowerCase();
        const known = candidates.get(id);
        if (known) { wanted.set(id, known); continue; }
        try {
          const s = await callAzure(opts, { service: 'arm', operation: 'Microsoft.Resources/subscriptions/read', account: id }, (signal) =>
            this.clients.subscriptions().subscriptions.get(id, { abortSignal: signal }),
          );
          wanted.set(id, { id, displayName: s.displayName ?? id, state: s.state ?? 'Unknown', tenantId: s.tenantId });
        } catch (error) {
          fail(id, classifyAzureError(error, 'Microsoft.Resources/subscriptions/read', { account: id }));
        }
      }
      candidates = wanted;
    }

    // 3. Tenant: a token is issued for one tenant; subscriptions of other tenants (guest access) cannot be read with it.
    if (this.config.tenantId) {
      const tenant = this.config.tenantId.toLowerCase();
      for (const [id, s] of candidates) {
        if (s.tenantId && s.tenantId.toLowerCase() !== tenant) {
          this.log.info({ subscription: id, tenant: s.tenantId }, 'subscription belongs to another tenant; skipped');
          candidates.delete(id);
        }
      }
    } else {
      const first = [...candidates.values()].find((s) => s.tenantId);
      if (first?.tenantId) this.tenant = first.tenantId;
    }

    // 4. Management group: Resource Graph resolves its subscriptions in one query.
    if (this.config.managementGroup) {
      try {
        const rows = await this.graph.query(opts, QUERIES.subscriptions, { managementGroups: [this.config.managementGroup] });
        const inGroup = new Set(rows.map((r) => String(r['subscriptionId'] ?? '').toLowerCase()));
        for (const id of candidates.keys()) if (!inGroup.has(id)) candidates.delete(id);
      } catch (error) {
        fail(`managementGroups/${this.config.managementGroup}`, classifyAzureError(error, 'Microsoft.ResourceGraph/resources/read'));
        return { targets: [], failures, mode: 'none' };
      }
    }

    // 5. Include/exclude globs on id or name, then the state, then this shard's share.
    const match = (globs: readonly string[]) => {
      const m = globs.map((g) => picomatch(g, { nocase: true }));
      return (s: SubscriptionInfo) => m.some((f) => f(s.id) || f(s.displayName));
    };
    const included = this.config.include.length > 0 ? match(this.config.include) : () => true;
    const excluded = this.config.exclude.length > 0 ? match(this.config.exclude) : () => false;
    if (candidates.size === 0) {
      // Seeing nothing proves nothing: an identity without any grant must not scan "clean".
      fail(this.tenant, collectionError('NOT_FOUND', 'Microsoft.Resources/subscriptions/read', 'the identity can read no subscription: grant it Reader (or the dutyscan reader role) on the subscriptions or a management group', { provider: 'azure' }), undefined);
    }
    const selected: SubscriptionInfo[] = [];
    for (const s of candidates.values()) {
      if (!included(s) || excluded(s) || !inShard(s.id, ctx.shard)) continue;
      if (UNREADABLE_STATES.has(s.state.toLowerCase())) {
        fail(s.id, collectionError('NOT_ENABLED', 'Microsoft.Resources/subscriptions/read', `subscription is ${s.state}`, { provider: 'azure', account: s.id }), s.displayName);
        continue;
      }
      selected.push(s);
    }

    // 6. Which subscriptions Resource Graph can see: those go the bulk way, the rest through ARM.
    const { visible, note } = await this.probeResourceGraph(opts, selected.map((s) => s.id));
    // Resource Graph says nothing about a subscription it leaves out; one ARM read tells an
    // unreadable subscription (a discovery failure: ERROR for its scope) from a readable one.
    const unreadable = new Set<string>();
    const limit = pLimit(8);
    await Promise.all(
      selected.filter((s) => !visible.has(s.id)).map((s) => limit(async () => {
        const operation = 'Microsoft.Resources/subscriptions/resourceGroups/read';
        try {
          await callAzure(opts, { service: 'arm', operation, account: s.id }, (signal) =>
            this.clients.resources(s.id).resourceGroups.list({ top: 1, abortSignal: signal }).byPage().next(),
          );
        } catch (error) {
          const e = classifyAzureError(error, operation, { account: s.id });
          // Only a definite "no" removes it; anything transient is left to the collectors to report.
          if (e.code === 'ACCESS_DENIED' || e.code === 'AUTH_FAILED' || e.code === 'NOT_FOUND') {
            unreadable.add(s.id);
            fail(s.id, e, s.displayName);
          }
        }
      })),
    );
    const readable = selected.filter((s) => !unreadable.has(s.id));
    const graphSubs = readable.filter((s) => visible.has(s.id)).map((s) => s.id);
    const batches = chunk(graphSubs, this.config.resourceGraphBatchSize);
    this.batches = new GraphBatches(this.graph, batches, new Map(batches.flatMap((b, i) => b.map((id) => [id, i] as const))));

    const targets: Target[] = readable.map((s) => ({
      provider: 'azure',
      account: s.id,
      accountName: s.displayName,
      regions: [GLOBAL_REGION],
      session: { kind: 'subscription', displayName: s.displayName, state: s.state, resourceGraph: visible.has(s.id) } satisfies SubscriptionSession,
    }));
    if (this.config.entra && this.tenant === 'tenant') {
      // Without a tenant id the MFA report has no scope to belong to: say so rather than skip it.
      fail('tenant', collectionError('NOT_FOUND', `graph:GET ${REGISTRATION_REPORT}`, 'no subscription names its tenant; set providers.azure.tenantId to read the Entra MFA report', { provider: 'azure' }), 'Entra ID tenant', ['azure.entra.user']);
    }
    if (this.config.entra && this.tenant !== 'tenant' && inShard(this.tenant, ctx.shard)) {
      targets.push({ provider: 'azure', account: this.tenant, accountName: 'Entra ID tenant', regions: [GLOBAL_REGION], session: { kind: 'tenant' } satisfies TenantSession });
    }
    const unreadableNote = unreadable.size > 0 ? `; ${unreadable.size} unreadable` : '';
    const mode =
      graphSubs.length === readable.length && readable.length > 0
        ? `resource-graph (${graphSubs.length} subscriptions in ${batches.length} ${batches.length === 1 ? 'batch' : 'batches'}${unreadableNote})`
        : graphSubs.length === 0
          ? `arm (${[note, `${readable.length} subscriptions`].filter(Boolean).join('; ')}${unreadableNote})`
          : `resource-graph for ${graphSubs.length} of ${readable.length} subscriptions, arm for ${readable.length - graphSubs.length} not visible to Resource Graph${unreadableNote}`;
    this.log.info({ mode, subscriptions: readable.length, failures: failures.length }, 'azure discovery done; Resource Graph omits rows the identity may not read, so coverage is limited to what the identity can read');
    return { targets, failures, mode };
  }

  /** Subscriptions Resource Graph answers for; an empty set (with the reason) when it is not used or not reachable. */
  private async probeResourceGraph(opts: CallerOptions, ids: readonly string[]): Promise<{ visible: Set<string>; note?: string }> {
    if (this.config.collection === 'arm') return { visible: new Set(), note: 'collection: arm' };
    if (ids.length === 0) return { visible: new Set() };
    const visible = new Set<string>();
    try {
      for (const batch of chunk(ids, this.config.resourceGraphBatchSize)) {
        const rows = await this.graph.query(opts, QUERIES.subscriptions, { subscriptions: batch });
        for (const r of rows) visible.add(String(r['subscriptionId'] ?? '').toLowerCase());
      }
      return { visible };
    } catch (error) {
      const e = classifyAzureError(error, 'Microsoft.ResourceGraph/resources/read');
      this.log.warn({ error: e }, 'Resource Graph is not available; collecting through the per-service ARM clients');
      return { visible: new Set(), note: `Resource Graph unavailable: ${e.code}` };
    }
  }

  tasks(target: Target, types: ReadonlySet<ResourceType>): readonly CollectTask[] {
    const session = target.session as SubscriptionSession | TenantSession | undefined;
    const scope = scopeOf(target.account, target.accountName);
    // The tenant holds the users and a subscription the resources; `resourceTypes` tells the engine
    // that a type collected in one kind of account does not apply to the other.
    if (session?.kind === 'tenant') {
      if (!types.has('azure.entra.user')) return [];
      return [{ service: 'graph', region: GLOBAL_REGION, types: ['azure.entra.user'], run: (ctx) => this.collectUsers(ctx, scope) }];
    }
    if (session?.kind !== 'subscription') return [];
    const tasks: CollectTask[] = [];
    const kctx = (ctx: TaskContext): KindContext => ({ opts: this.callerOptions(ctx), clients: this.clients, subscription: target.account, keyVaultItems: this.config.keyVaultItems });
    if (types.has('azure.subscription')) {
      tasks.push({
        service: 'arm',
        region: GLOBAL_REGION,
        types: ['azure.subscription'],
        run: async (ctx) => [listing(scope, 'azure.subscription', [await subscriptionResource(kctx(ctx), { displayName: session.displayName, state: session.state })])],
      });
    }
    if (types.has('azure.authorization.custom-role')) {
      tasks.push({
        service: 'arm',
        region: GLOBAL_REGION,
        types: ['azure.authorization.custom-role'],
        run: async (ctx) => {
          try {
            return [listing(scope, 'azure.authorization.custom-role', await customRoles(kctx(ctx)))];
          } catch (error) {
            return [failedListing(scope, 'azure.authorization.custom-role', classifyAzureError(error, 'Microsoft.Authorization/roleDefinitions/read', { account: target.account }))];
          }
        },
      });
    }
    for (const kind of KINDS) {
      if (!types.has(kind.type)) continue;
      tasks.push({
        service: session.resourceGraph ? 'resourcegraph' : 'arm',
        region: GLOBAL_REGION,
        types: [kind.type],
        run: (ctx) => this.collectKind(kind, kctx(ctx), scope, session.resourceGraph),
      });
    }
    return tasks;
  }

  private async collectKind(kind: Kind, ctx: KindContext, scope: Scope, viaGraph: boolean): Promise<readonly Listing[]> {
    const access = this.accessOf(ctx);
    let rows;
    let graphAnswered = false;
    let operation = kind.operation;
    try {
      if (viaGraph && this.batches) {
        try {
          rows = await this.batches.rows(ctx.opts, kind.query, ctx.subscription);
          graphAnswered = true;
          operation = 'Microsoft.ResourceGraph/resources/read';
        } catch (error) {
          const e = classifyAzureError(error, 'Microsoft.ResourceGraph/resources/read');
          ctx.opts.log.warn({ subscription: ctx.subscription, type: kind.type, error: e }, 'Resource Graph query failed; falling back to ARM');
          rows = await kind.arm(ctx);
        }
      } else {
        rows = await kind.arm(ctx);
      }
      const resources = await kind.build(rows, ctx);
      // Resource Graph and the ARM listings across a subscription answer with what the identity may
      // read and silently leave out the rest, so the rows are only the whole listing where the
      // identity may read every row: each (type x part of the subscription) it may not read is an
      // ERROR there, naming the read to grant. The rows read elsewhere still count; an empty listing
      // with a blind spot is not "no resources", so only the ERROR stands for it then.
      const known = await access;
      const blind = known.ok ? blindSpots(known.value, kind, graphAnswered) : [accessUnknown(known.error, kind)];
      return [
        ...(blind.length === 0 || resources.length > 0 ? [listing(scope, kind.type, resources, observedBy(operation))] : []),
        ...blind.map((b) => failedListing(b.part ? { ...scope, part: b.part } : scope, kind.type, b.error)),
      ];
    } catch (error) {
      return [failedListing(scope, kind.type, classifyAzureError(error, kind.operation, { account: ctx.subscription }))];
    }
  }

  /** What the identity may read in the subscription (see collect/coverage.ts), read once for all its kinds. */
  private accessOf(ctx: KindContext): Promise<Observed<Access>> {
    let known = this.access.get(ctx.subscription);
    if (!known) {
      const needed = [...new Set(KINDS.flatMap((k) => readsOf(k, false)))];
      known = readAccess({ opts: ctx.opts, clients: this.clients, subscription: ctx.subscription, whoAmI: () => this.whoAmI() }, needed);
      this.access.set(ctx.subscription, known);
    }
    return known;
  }

  /** The identity's object id, from its ARM token; unknown (undefined) when the token does not say. */
  private whoAmI(): Promise<string | undefined> {
    this.principal ??= this.credential.getToken(this.cloud.armScope).then((t) => (t ? objectIdOf(t.token) : undefined), () => undefined);
    return this.principal;
  }

  private async collectUsers(ctx: TaskContext, scope: Scope): Promise<readonly Listing[]> {
    try {
      const users = await this.msGraph.registrationDetails(this.callerOptions(ctx), scope.account);
      return [listing(scope, 'azure.entra.user', entraUsers(scope.account, users))];
    } catch (error) {
      const e = graphError(classifyAzureError(error, `graph:GET ${REGISTRATION_REPORT}`, { account: scope.account }));
      return [failedListing(scope, 'azure.entra.user', e)];
    }
  }

  classifyError(error: unknown, operation: string): CollectionError {
    return classifyAzureError(error, operation);
  }
}

/** The provider registry's entry point (providers/index.ts). */
export async function createAdapter(config: AzureConfig, options: AdapterOptions): Promise<ProviderAdapter> {
  return new AzureAdapter(config, options);
}

/** For tests and embedding: the same adapter with injected credential, CA and clock. */
export function createAzureAdapter(config: AzureConfig, options: AdapterOptions, deps: AzureDeps): AzureAdapter {
  return new AzureAdapter(config, options, deps);
}

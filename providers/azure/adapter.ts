import type { TokenCredential } from '@azure/core-auth';
import { DefaultAzureCredential } from '@azure/identity';
import { setMaxListeners } from 'node:events';
import type { Logger } from 'pino';
import type { Listing } from '../../src/core/inventory.js';
import { observedBy, type CollectionError, type Observed } from '../../src/core/observed.js';
import type { CollectTask, DiscoverContext, DiscoveryResult, ProviderAdapter, Target, TaskContext } from '../../src/core/provider.js';
import { GLOBAL_REGION, type ResourceType, type Scope } from '../../src/core/resource.js';
import { failedListing, listing } from '../../src/inventory/build.js';
import type { AdapterOptions, CreateAdapter } from '../../src/core/descriptor.js';
import type { AzureConfig } from './config.js';
import { ArmBudget, sleep as realSleep, type CallerOptions, type Sleep } from './collect/calls.js';
import { AzureClients } from './collect/clients.js';
import { resolveCloud, type AzureCloud } from './collect/cloud.js';
import { accessUnknown, blindSpots, objectIdOf, readAccess, readsOf, type Access } from './collect/coverage.js';
import { classifyAzureError } from './collect/errors.js';
import { tenantPolicy } from './collect/entra-policy.js';
import { entraUsers, graphError, MicrosoftGraph, REGISTRATION_REPORT } from './collect/graph.js';
import { KINDS, type Kind, type KindContext } from './collect/kinds.js';
import { ResourceGraph, type GraphBatches } from './collect/resourcegraph.js';
import { customRoles, subscriptionResource } from './collect/subscription.js';
import { discoverAzure, scopeOf, type AzureSession } from './discover.js';
import './model/types.js';

/** Test and embedding hooks (see CreateAdapter): a stub credential, the fake's certificate authority, a clock. */
export interface AzureHooks {
  readonly credential?: TokenCredential;
  readonly ca?: string;
  readonly sleep?: Sleep;
}

export class AzureAdapter implements ProviderAdapter {
  readonly id = 'azure' as const;
  /**
   * With `entra: false` the users are not collected anywhere, so the MFA checks report ERROR
   * ("no collector") rather than vanish; disable those two checks to leave them out.
   */
  get resourceTypes(): readonly ResourceType[] {
    return [...(this.config.entra ? (['azure.entra.user', 'azure.entra.tenant-policy'] as const) : []), 'azure.subscription', 'azure.authorization.custom-role', ...KINDS.map((k) => k.type)];
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

  constructor(private readonly config: AzureConfig, options: AdapterOptions, hooks: AzureHooks = {}) {
    this.log = options.log.child({ provider: 'azure' });
    this.callTimeoutMs = options.callTimeoutMs;
    this.cloud = resolveCloud(config);
    this.credential =
      hooks.credential ??
      new DefaultAzureCredential({
        ...(config.tenantId ? { tenantId: config.tenantId } : {}),
        authorityHost: this.cloud.authorityHost,
        ...(this.cloud.disableInstanceDiscovery ? { disableInstanceDiscovery: true } : {}),
      });
    this.sleep = hooks.sleep ?? realSleep;
    this.budget = new ArmBudget(this.log);
    this.clients = new AzureClients({ cloud: this.cloud, credential: this.credential, budget: this.budget, ...(hooks.ca ? { ca: hooks.ca } : {}) });
    this.tenant = config.tenantId ?? 'tenant';
    this.graph = new ResourceGraph({ cloud: this.cloud, credential: this.credential, tenant: this.tenant, log: this.log, ...(hooks.ca ? { ca: hooks.ca } : {}) });
    this.msGraph = new MicrosoftGraph(this.cloud, this.credential, hooks.ca);
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
    // What the identity may read is read afresh for every scan: grants change between scans.
    this.access.clear();
    const { tenant, batches, ...result } = await discoverAzure(ctx, {
      config: this.config, clients: this.clients, graph: this.graph, log: this.log, opts: this.callerOptions(ctx), resourceTypes: this.resourceTypes, tenant: this.tenant,
    });
    this.tenant = tenant;
    if (batches) this.batches = batches;
    return result;
  }

  tasks(target: Target, types: ReadonlySet<ResourceType>): readonly CollectTask[] {
    const session = target.session as AzureSession | undefined;
    const scope = scopeOf(target.account, target.accountName);
    // The tenant holds the users and a subscription the resources; `resourceTypes` tells the engine
    // that a type collected in one kind of account does not apply to the other.
    if (session?.kind === 'tenant') {
      return [
        ...(types.has('azure.entra.user') ? [{ service: 'graph', region: GLOBAL_REGION, types: ['azure.entra.user'] as const, run: (ctx: TaskContext) => this.collectUsers(ctx, scope) }] : []),
        ...(types.has('azure.entra.tenant-policy')
          ? [{ service: 'graph', region: GLOBAL_REGION, types: ['azure.entra.tenant-policy'] as const, run: async (ctx: TaskContext) => [listing(scope, 'azure.entra.tenant-policy', [await tenantPolicy(this.msGraph, this.cloud, this.callerOptions(ctx), scope.account)])] }]
          : []),
      ];
    }
    if (session?.kind !== 'subscription') return [];
    const tasks: CollectTask[] = [];
    const kctx = (ctx: TaskContext): KindContext => ({
      opts: this.callerOptions(ctx), clients: this.clients, subscription: target.account, keyVaultItems: this.config.keyVaultItems,
      ...(session.managementGroups ? { managementGroups: session.managementGroups } : {}),
    });
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
          rows = await this.batches.rows(ctx.opts, kind.query, ctx.subscription, kind.graphType);
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
      const carried = kind.unreadPart ? blind.flatMap((b) => (b.part !== undefined ? [{ ...b, part: b.part }] : [])) : [];
      const failed = blind.filter((b) => b.part === undefined || !kind.unreadPart);
      const items = [...resources, ...carried.map((b) => kind.unreadPart!(b, ctx))];
      return [
        ...(failed.length === 0 || items.length > 0 ? [listing(scope, kind.type, items, observedBy(operation))] : []),
        ...failed.map((b) => failedListing(b.part ? { ...scope, part: b.part } : scope, kind.type, b.error)),
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

export const createAdapter: CreateAdapter<AzureConfig, AzureHooks, AzureAdapter> = async (config, options, hooks = {}) => new AzureAdapter(config, options, hooks);

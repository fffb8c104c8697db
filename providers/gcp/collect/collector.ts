import type { Listing } from '../../../src/core/inventory.js';
import { collectionError, unseen, type Observed } from '../../../src/core/observed.js';
import type { CollectTask, Target, TaskContext } from '../../../src/core/provider.js';
import { GLOBAL_REGION, type Resource, type ResourceType, type Scope } from '../../../src/core/resource.js';
import { failedListing, listing } from '../../../src/inventory/build.js';
import type { GcpConfig } from '../config.js';
import type { AssetIndex, DiscoveredProject, Discovery } from '../discover.js';
import { apikeys } from './apikeys.js';
import { assetListings } from './asset.js';
import { bigquery } from './bigquery.js';
import { GcpCaller, type RetryPolicy } from './call.js';
import type { GcpClients } from './clients.js';
import { compute } from './compute.js';
import { container } from './container.js';
import type { GcpContext, ProjectContext, TypeCollector, TypeCollectors } from './context.js';
import { essentialcontacts } from './essentialcontacts.js';
import { functions } from './functions.js';
import { iam } from './iam.js';
import { resourcePolicies } from './iam-policies.js';
import { kms } from './kms.js';
import { logging } from './logging.js';
import { pubsub } from './pubsub.js';
import { containerPolicies, projectPolicies } from './resourcemanager.js';
import { run } from './run.js';
import { sql } from './sql.js';
import { storage } from './storage.js';
import { directory } from './workspace.js';

/** What an adapter keeps per target; never serialised. */
export type GcpSession =
  | { readonly kind: 'project'; readonly project: DiscoveredProject }
  | { readonly kind: 'organization'; readonly organization: string | null };

/** Every per-type listing of a project, by service: tasks and the asset view share them. */
const TYPES: TypeCollectors = {
  ...compute, ...storage, ...sql, ...kms, ...iam, ...logging,
  // Read from one Cloud Asset Inventory listing per project (cai-list.ts).
  ...container, ...bigquery, ...pubsub, ...run, ...functions, ...apikeys, ...essentialcontacts,
};

/** One task per service: the types it produces and how. */
interface ServiceTask<C> {
  readonly types: readonly ResourceType[];
  readonly run?: (ctx: C) => Promise<Listing[]>;
}
const byType = (types: readonly ResourceType[]): ServiceTask<ProjectContext> => ({ types });

const PROJECT_TASKS: Readonly<Record<string, ServiceTask<ProjectContext>>> = {
  resourcemanager: { types: ['gcp.project', 'gcp.project.iam-policy'], run: projectPolicies },
  'iam-policies': { types: ['gcp.iam.policy'], run: async (ctx) => [await resourcePolicies(ctx)] },
  iam: byType(['gcp.iam.service-account']),
  compute: byType(['gcp.compute.firewall', 'gcp.compute.instance', 'gcp.compute.disk', 'gcp.compute.network', 'gcp.compute.subnetwork', 'gcp.compute.project-metadata']),
  storage: byType(['gcp.storage.bucket']),
  sql: byType(['gcp.sql.instance']),
  kms: byType(['gcp.kms.crypto-key']),
  logging: byType(['gcp.logging.sink']),
  container: byType(['gcp.container.cluster']),
  bigquery: byType(['gcp.bigquery.dataset']),
  pubsub: byType(['gcp.pubsub.topic']),
  run: byType(['gcp.run.service']),
  functions: byType(['gcp.functions.function']),
  apikeys: byType(['gcp.apikeys.key']),
  essentialcontacts: byType(['gcp.essentialcontacts.project']),
  asset: { types: ['gcp.asset'], run: assetListings },
};

/** The organisation target: its container policies and the Workspace directory. */
interface OrganizationContext extends GcpContext {
  /** The organisation and the folders discovered. */
  readonly containers: readonly string[];
}
const ORGANIZATION_TASKS: Readonly<Record<string, ServiceTask<OrganizationContext>>> = {
  resourcemanager: { types: ['gcp.iam.policy'], run: (ctx) => containerPolicies(ctx, ctx.containers) },
  workspace: { types: ['gcp.workspace.directory'], run: async (ctx) => [await directory(ctx)] },
};

/** Every type the adapter collects (in projects or in the organisation target). */
export const GCP_RESOURCE_TYPES: readonly ResourceType[] = [...new Set([...Object.values(PROJECT_TASKS), ...Object.values(ORGANIZATION_TASKS)].flatMap((t) => t.types))];

/** The services of a table with the requested types each produces, leaving out those that produce none. */
function chooseTasks(table: Readonly<Record<string, { readonly types: readonly ResourceType[] }>>, types: ReadonlySet<ResourceType>) {
  return Object.entries(table)
    .map(([service, task]) => [service, task.types.filter((t) => types.has(t))] as const)
    .filter(([, produced]) => produced.length > 0);
}

/** Collection for every target of one scan, with the memos that keep each call to one per scan. */
export class GcpCollector {
  private readonly scanMemos = new Map<string, Promise<unknown>>();
  private readonly projectMemos = new Map<string, { memo: Map<string, Promise<unknown>>; pending: number }>();

  constructor(
    private readonly config: GcpConfig,
    private readonly clients: GcpClients,
    private readonly discovery: Discovery,
    private readonly assets: AssetIndex | null,
    private readonly retry: RetryPolicy,
    private readonly timeoutMs: number,
    private readonly folders: () => readonly string[],
  ) {}

  tasks(target: Target, types: ReadonlySet<ResourceType>): CollectTask[] {
    const session = target.session as GcpSession;
    const scope: Scope = { provider: 'gcp', account: target.account, region: GLOBAL_REGION, ...(target.accountName ? { accountName: target.accountName } : {}) };
    // Only the requested types: a scan of one check makes only the calls that check needs.
    const chosen = chooseTasks(session.kind === 'project' ? PROJECT_TASKS : ORGANIZATION_TASKS, types);
    if (session.kind === 'project') this.projectMemos.set(target.account, { memo: new Map(), pending: chosen.length });
    return chosen.map(([service, produced]) => ({
      service,
      region: GLOBAL_REGION,
      types: produced,
      run: async (ctx: TaskContext): Promise<readonly Listing[]> => {
        const base = this.context(scope, new GcpCaller(ctx.api, this.retry, ctx.signal));
        try {
          const listings = session.kind === 'project'
            ? await this.runProjectTask(PROJECT_TASKS[service]!, produced, this.projectContext(base, session.project))
            : await ORGANIZATION_TASKS[service]!.run!({ ...base, containers: [...(session.organization ? [session.organization] : []), ...this.folders()] });
          // A type may come in several listings (what was read, and each part that could not be).
          return produced.flatMap((type) => {
            const of = listings.filter((l) => l.type === type);
            return of.length > 0 ? of : [failedListing(scope, type, collectionError('UNEXPECTED', `${service}:collect`, `no listing of ${type} was produced`, { provider: 'gcp', account: target.account }))];
          });
        } finally {
          if (session.kind === 'project') this.release(target.account);
        }
      },
    }));
  }

  private runProjectTask(task: ServiceTask<ProjectContext>, produced: readonly ResourceType[], ctx: ProjectContext): Promise<Listing[]> {
    if (task.run) return task.run(ctx);
    return Promise.all(produced.map(async (type) => {
      const items = await ctx.listing(type);
      return items.ok ? listing(ctx.scope, type, items.value, items.source) : failedListing(ctx.scope, type, { ...items.error, account: ctx.project.projectId });
    }));
  }

  private context(scope: Scope, caller: GcpCaller): GcpContext {
    return {
      config: this.config, clients: this.clients, discovery: this.discovery, caller, scope, timeoutMs: this.timeoutMs,
      scanMemo: <T>(key: string, load: () => Promise<T>) => remember(this.scanMemos, key, load),
    };
  }

  private projectContext(base: GcpContext, project: DiscoveredProject): ProjectContext {
    const memo = <T>(key: string, load: () => Promise<T>): Promise<T> => {
      let entry = this.projectMemos.get(project.projectId);
      if (!entry) this.projectMemos.set(project.projectId, (entry = { memo: new Map(), pending: 1 }));
      return remember(entry.memo, key, load);
    };
    const ctx: ProjectContext = {
      ...base,
      project,
      assets: this.assetsFor(project),
      memo,
      listing: <T extends ResourceType>(type: T) => memo(`type:${type}`, () => collectType(type, ctx)),
    };
    return ctx;
  }

  /** Drop a project's memo once its last task finished: memory stays bounded by the projects in flight. */
  private release(projectId: string): void {
    const entry = this.projectMemos.get(projectId);
    if (entry && --entry.pending <= 0) this.projectMemos.delete(projectId);
  }

  /** The CAI index, when the project lies under a searched scope (see ProjectContext.assets). */
  private assetsFor(project: DiscoveredProject): AssetIndex | null {
    if (!this.assets) return null;
    let node = project.parent;
    for (let depth = 0; node && depth < 12; depth++) {
      if (this.assets.scopes.includes(node)) return this.assets;
      node = node.startsWith('folders/') ? this.discovery.folderParents.get(node) ?? null : null;
    }
    return null;
  }
}

function collectType<T extends ResourceType>(type: T, ctx: ProjectContext): Promise<Observed<Resource<T>[]>> {
  const collect: TypeCollector<T> | undefined = TYPES[type];
  return collect ? collect(ctx) : Promise.resolve(unseen(collectionError('UNEXPECTED', `gcp:${type}`, `no collector for ${type}`, { provider: 'gcp', account: ctx.project.projectId })));
}

/** The memoised promise for `key`, loaded on first use. */
function remember<T>(memo: Map<string, Promise<unknown>>, key: string, load: () => Promise<T>): Promise<T> {
  let value = memo.get(key) as Promise<T> | undefined;
  if (!value) {
    value = load();
    memo.set(key, value);
  }
  return value;
}

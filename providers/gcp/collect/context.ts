import { observedBy, seen, unseen, type Observed } from '../../../src/core/observed.js';
import type { Resource, ResourceType, Scope } from '../../../src/core/resource.js';
import type { GcpConfig } from '../config.js';
import type { AssetIndex, CaiResource, DiscoveredProject, Discovery } from '../discover.js';
import type { GcpCaller } from './call.js';
import type { GcpClients } from './clients.js';
import { classifyGcpError } from './errors.js';

/** What every collection task reads: the scan's clients and memos, and the caller of this task. */
export interface GcpContext {
  readonly config: GcpConfig;
  readonly clients: GcpClients;
  readonly discovery: Discovery;
  readonly caller: GcpCaller;
  readonly scope: Scope;
  /** Per attempt, for the gax clients (the googleapis ones take the caller's signal). */
  readonly timeoutMs: number;
  /** One answer per key for the whole scan: the ancestors' policies and sinks, shared by every project under them. */
  scanMemo<T>(key: string, load: () => Promise<T>): Promise<T>;
}

/** A project's task: the project, its share of the asset index and the memos its tasks share. */
export interface ProjectContext extends GcpContext {
  readonly project: DiscoveredProject;
  /**
   * The CAI index, when the project lies under a searched scope: only then does "no asset of a
   * kind" mean there is none (a configured project outside the organisation is read per service).
   *
   * Blind spots: unlike Azure Resource Graph, Cloud Asset Inventory does not leave out what the
   * caller may not read. `searchAllResources` and `searchAllIamPolicies` are authorised once, on the
   * searched scope (`cloudasset.assets.searchAll*` there), and then return everything under it
   * whatever the caller's `.get` permissions on each resource; without that permission the whole
   * search is refused, and discovery falls back to the per-service APIs, whose refusals are ERRORs
   * per call. So an empty answer for a project under a searched scope is an answer, all or nothing
   * per scope; what CAI can still miss is the last minutes of changes (its index lags), not access.
   */
  readonly assets: AssetIndex | null;
  /** One answer per key for this project's tasks, dropped when its last task ends. */
  memo<T>(key: string, load: () => Promise<T>): Promise<T>;
  /** The memoised listing of one type: another service's task may build on it. */
  listing<T extends ResourceType>(type: T): Promise<Observed<Resource<T>[]>>;
}

/** A type's listing in a project. */
export type TypeCollector<T extends ResourceType> = (ctx: ProjectContext) => Promise<Observed<Resource<T>[]>>;
export type TypeCollectors = { readonly [T in ResourceType]?: TypeCollector<T> };

/** The CAI resources of the project, or null outside CAI mode. */
export function caiResources(ctx: ProjectContext): readonly CaiResource[] | null {
  return ctx.assets ? ctx.assets.resources.get(`projects/${ctx.project.projectNumber}`) ?? [] : null;
}

/** In CAI mode, whether the project holds any asset of these types; outside it, always true. */
export function present(ctx: ProjectContext, ...assetTypes: string[]): boolean {
  const found = caiResources(ctx);
  return found === null || found.some((r) => assetTypes.includes(r.assetType));
}

/** gax options: one page per call (the caller pages and counts), the attempt budget. */
export const pageOptions = (ctx: GcpContext) => ({ autoPaginate: false, timeout: ctx.timeoutMs }) as const;

export const where = (ctx: GcpContext, region: string) => ({ provider: 'gcp' as const, account: ctx.scope.account, region });

/** A zone (`europe-west1-b`) to its region; a region or multi-region as it is. */
export const regionOf = (location: string): string => (/^[a-z]+-[a-z]+\d+-[a-z]$/.test(location) ? location.slice(0, location.lastIndexOf('-')) : location);

/** The answer, or the failure classified and placed in `account`. */
export async function observe<T>(work: Promise<T>, operation: string, account: string): Promise<Observed<T>> {
  try {
    return seen(await work, observedBy(operation));
  } catch (e) {
    return unseen(classifyGcpError(e, operation, { account }));
  }
}

/** Every answer, or the first failure. */
export function all<T>(items: readonly Observed<T>[]): Observed<T[]> {
  const out: T[] = [];
  for (const item of items) {
    if (!item.ok) return item;
    out.push(item.value);
  }
  return seen(out);
}

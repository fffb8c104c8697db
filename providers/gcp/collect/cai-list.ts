import { mapObserved, seen, type Observed } from '../../../src/core/observed.js';
import type { GcpIamBinding } from '../model/types.js';
import { observe, pageOptions, type GcpContext, type ProjectContext } from './context.js';

type Json = Record<string, unknown>;

/** One asset with its resource data as the owning API's REST JSON. */
export interface ListedAsset {
  /** Full resource name, e.g. `//container.googleapis.com/projects/p/locations/l/clusters/c`. */
  readonly name: string;
  readonly assetType: string;
  readonly location: string;
  /** `//cloudresourcemanager.googleapis.com/projects/123` (or a folder or organisation). */
  readonly parent: string;
  readonly data: Json;
}

/**
 * The asset types whose configuration dutyscan reads from Cloud Asset Inventory's ListAssets
 * (`contentType: RESOURCE`), all of them in one paged call per project: the resource data is each
 * API's own REST resource, so no per-service list (GKE, BigQuery, Pub/Sub, Run, Functions, API
 * Keys, Essential Contacts) is needed.
 */
export const LISTED_ASSET_TYPES = [
  'container.googleapis.com/Cluster',
  'bigquery.googleapis.com/Dataset',
  'pubsub.googleapis.com/Topic',
  'run.googleapis.com/Service',
  'cloudfunctions.googleapis.com/CloudFunction',
  'cloudfunctions.googleapis.com/Function',
  'apikeys.googleapis.com/Key',
  'essentialcontacts.googleapis.com/Contact',
] as const;
export type ListedAssetType = (typeof LISTED_ASSET_TYPES)[number];

/** The types whose IAM policies some check judges (who may invoke, read, publish). */
const POLICY_TYPES: readonly ListedAssetType[] = ['bigquery.googleapis.com/Dataset', 'pubsub.googleapis.com/Topic', 'run.googleapis.com/Service', 'cloudfunctions.googleapis.com/CloudFunction', 'cloudfunctions.googleapis.com/Function'];

/**
 * A google.protobuf.Struct as the gax REST fallback hands it back (`{fields: {k: {stringValue}}}`),
 * as plain JSON.
 */
export function structToJson(v: unknown): unknown {
  if (!v || typeof v !== 'object') return v;
  const o = v as Json;
  if ('fields' in o && o['fields'] && typeof o['fields'] === 'object') {
    return Object.fromEntries(Object.entries(o['fields'] as Json).map(([k, value]) => [k, valueToJson(value)]));
  }
  return o;
}

function valueToJson(v: unknown): unknown {
  const o = (v ?? {}) as Json;
  if ('structValue' in o) return structToJson(o['structValue']);
  if ('listValue' in o) return (((o['listValue'] as Json | undefined)?.['values'] as unknown[] | undefined) ?? []).map(valueToJson);
  if ('stringValue' in o) return o['stringValue'];
  if ('numberValue' in o) return o['numberValue'];
  if ('boolValue' in o) return o['boolValue'];
  return null;
}

/** One ListAssets listing of `parent`, paged. */
function listAssets(ctx: GcpContext, parent: string, assetTypes: readonly string[], contentType: 'RESOURCE' | 'IAM_POLICY', account: string): Promise<Observed<Json[]>> {
  const operation = contentType === 'RESOURCE' ? 'cloudasset.assets.listResource' : 'cloudasset.assets.listIamPolicy';
  return observe(
    ctx.caller.pages({ service: 'asset', operation, account }, async (token) => {
      const [items, next] = await ctx.clients.asset.listAssets({ parent, assetTypes: [...assetTypes], contentType, pageSize: 1000, ...(token ? { pageToken: token } : {}) }, pageOptions(ctx));
      return { items: items as Json[], next: next?.pageToken ?? null };
    }),
    operation,
    account,
  );
}

const toListed = (a: Json): ListedAsset => {
  const r = (a['resource'] ?? {}) as Json;
  return { name: String(a['name'] ?? ''), assetType: String(a['assetType'] ?? ''), location: String(r['location'] ?? ''), parent: String(r['parent'] ?? ''), data: (structToJson(r['data']) ?? {}) as Json };
};

/** Every listed asset of the project (memoised: the services' tasks share the one listing). */
function projectAssets(ctx: ProjectContext): Promise<Observed<ListedAsset[]>> {
  return ctx.memo('cai:list:resources', async () =>
    mapObserved(await listAssets(ctx, `projects/${ctx.project.projectId}`, LISTED_ASSET_TYPES, 'RESOURCE', ctx.project.projectId), (items) => items.map(toListed)));
}

/** The project's assets of one type. */
export async function assetsOf(ctx: ProjectContext, ...assetTypes: ListedAssetType[]): Promise<Observed<ListedAsset[]>> {
  return mapObserved(await projectAssets(ctx), (assets) => assets.filter((a) => (assetTypes as string[]).includes(a.assetType)));
}

/** Contacts set on a folder or the organisation itself (its listing also holds its descendants'), read once per scan. */
export function containerAssets(ctx: GcpContext, container: string, assetType: ListedAssetType): Promise<Observed<ListedAsset[]>> {
  return ctx.scanMemo(`cai:list:${assetType}:${container}`, async () =>
    mapObserved(await listAssets(ctx, container, [assetType], 'RESOURCE', container), (items) =>
      items.map(toListed).filter((a) => a.parent === `//cloudresourcemanager.googleapis.com/${container}`)));
}

const bindingsOf = (policy: unknown, source: string): GcpIamBinding[] =>
  (((policy as Json | undefined)?.['bindings'] as Json[] | undefined) ?? []).map((b) => ({
    role: String(b['role'] ?? ''),
    members: ((b['members'] as unknown[] | undefined) ?? []).map(String),
    condition: b['condition'] ? String((b['condition'] as Json)['expression'] ?? '') || null : null,
    source,
  }));

/**
 * The IAM policies set on the project's listed assets, by full resource name: from the
 * organisation-wide policy search when discovery ran it, else one ListAssets (`IAM_POLICY`) per project.
 */
function projectPolicies(ctx: ProjectContext): Promise<Observed<ReadonlyMap<string, GcpIamBinding[]>>> {
  return ctx.memo('cai:list:policies', async () => {
    if (ctx.assets) {
      const found = ctx.assets.policies.get(`projects/${ctx.project.projectNumber}`) ?? [];
      return seen(new Map(found.map((p) => [p.resource, p.bindings.map((b) => ({ ...b, source: p.resource }))])));
    }
    const listed = await listAssets(ctx, `projects/${ctx.project.projectId}`, POLICY_TYPES, 'IAM_POLICY', ctx.project.projectId);
    return mapObserved(listed, (items) => new Map(items.map((a) => [String(a['name'] ?? ''), bindingsOf(a['iamPolicy'], String(a['name'] ?? ''))])));
  });
}


/** Loose JSON reads for the normalisers. */
export const str = (v: unknown): string => (typeof v === 'string' ? v : v === null || v === undefined ? '' : String(v));
export const obj = (v: unknown): Json => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : {});
export const arr = <T = Json>(v: unknown): T[] => (Array.isArray(v) ? (v as T[]) : []);

/** The listed assets of one type, each with the IAM bindings set on it. */
export async function assetsWithBindings(ctx: ProjectContext, ...assetTypes: ListedAssetType[]): Promise<Observed<{ asset: ListedAsset; bindings: Observed<readonly GcpIamBinding[]> }[]>> {
  const listed = await assetsOf(ctx, ...assetTypes);
  if (!listed.ok || listed.value.length === 0) return mapObserved(listed, () => []);
  const policies = await projectPolicies(ctx);
  return seen(listed.value.map((asset) => ({ asset, bindings: mapObserved(policies, (byName) => byName.get(asset.name) ?? []) })));
}

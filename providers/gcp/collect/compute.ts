import type { DisksClient, protos } from '@google-cloud/compute';
import { mapObserved, seen, type Observed } from '../../../src/core/observed.js';
import { GLOBAL_REGION } from '../../../src/core/resource.js';
import { resource } from '../../../src/inventory/build.js';
import { observe, pageOptions, present, regionOf, where, type ProjectContext, type TypeCollectors } from './context.js';
import { diskKey, isoTime, labelsOf, lastSegment, resourcePolicyKey, toDisk, toFirewall, toInstance, toNetwork, toSubnetwork } from './normalise.js';

type IWarning = protos.google.cloud.compute.v1.IWarning;

/** One page of a paged list, as the gax clients answer it: items, the next request, the raw answer. */
type Page<T> = [T[], { pageToken?: string | null } | null | undefined, unknown];

/** One page of an aggregatedList: per zone or region, its items under `field` and a warning when it was not reached. */
type AggregatedPage<F extends string, T> = [Record<string, { readonly [K in F]?: T[] | null } & { warning?: IWarning | null }> | null, { pageToken?: string | null } | null | undefined, unknown];

/**
 * What every generated Compute client has: its table of raw calls, where alone the paged
 * aggregatedList is reachable. The table types them as `Function`; the answer is typed where it is read.
 */
type AggregatingClient = Pick<DisksClient, 'initialize' | 'innerApiCalls'>;

/** A paged global Compute list, skipped when Cloud Asset Inventory shows no asset of its type. */
function computeList<T>(ctx: ProjectContext, operation: string, assetType: string, fetch: (token: string | undefined) => Promise<Page<T>>): Promise<Observed<T[]>> {
  if (!present(ctx, assetType)) return Promise.resolve(seen([]));
  return observe(
    ctx.caller.pages({ service: 'compute', operation, account: ctx.project.projectId }, async (token) => {
      const [items, next] = await fetch(token);
      return { items, next: next?.pageToken ?? null };
    }),
    operation,
    ctx.project.projectId,
  );
}

/**
 * A Compute aggregatedList, page by page. The library exposes it only as an async iterator that
 * pages on its own, which would hide the calls from the counter; the paged inner call gives one
 * counted call per page.
 */
function aggregated<F extends string, T>(ctx: ProjectContext, operation: string, assetType: string, client: AggregatingClient, field: F): Promise<Observed<T[]>> {
  if (!present(ctx, assetType)) return Promise.resolve(seen([]));
  const id = ctx.project.projectId;
  return observe(
    (async () => {
      await client.initialize();
      const inner = client.innerApiCalls['aggregatedList'];
      if (!inner) throw new Error('the Compute client has no aggregatedList');
      return ctx.caller.pages({ service: 'compute', operation, account: id }, async (token) => {
        const [scopes, next]: AggregatedPage<F, T> = await inner({ project: id, maxResults: 500, returnPartialSuccess: false, ...(token ? { pageToken: token } : {}) }, pageOptions(ctx));
        const listed = Object.entries(scopes ?? {});
        // A zone or region it could not reach is a per-scope warning beside the others' items, not an error.
        const unreachable = listed.filter(([, s]) => s.warning?.code === 'UNREACHABLE').map(([name]) => name);
        if (unreachable.length > 0) throw Object.assign(new Error(`the aggregated list is incomplete: ${unreachable.join(', ')} unreachable`), { status: 503 });
        return { items: listed.flatMap(([, s]) => s[field] ?? []), next: next?.pageToken ?? null };
      });
    })(),
    operation,
    id,
  );
}

const paged = (ctx: ProjectContext, token: string | undefined) => ({ project: ctx.project.projectId, maxResults: 500, ...(token ? { pageToken: token } : {}) });

async function disks(ctx: ProjectContext) {
  const id = ctx.project.projectId;
  const { clients } = ctx;
  const listed = await aggregated<'disks', protos.google.cloud.compute.v1.IDisk>(ctx, 'compute.disks.aggregatedList', 'compute.googleapis.com/Disk', clients.disks, 'disks');
  if (!listed.ok || listed.value.length === 0) return mapObserved(listed, () => []);
  const [policies, snapshots] = await Promise.all([
    aggregated<'resourcePolicies', protos.google.cloud.compute.v1.IResourcePolicy>(ctx, 'compute.resourcePolicies.aggregatedList', 'compute.googleapis.com/ResourcePolicy', clients.resourcePolicies, 'resourcePolicies'),
    computeList(ctx, 'compute.snapshots.list', 'compute.googleapis.com/Snapshot', (token) => clients.snapshots.list(paged(ctx, token), pageOptions(ctx))),
  ]);
  if (!policies.ok) return policies;
  if (!snapshots.ok) return snapshots;
  const schedules = new Set(policies.value.filter((p) => p.snapshotSchedulePolicy).map((p) => resourcePolicyKey(p.selfLink ?? `regions/${lastSegment(p.region ?? '')}/resourcePolicies/${p.name ?? ''}`)));
  const latest = new Map<string, string>();
  for (const s of snapshots.value) {
    const key = diskKey(s.sourceDisk ?? '');
    const created = isoTime(s.creationTimestamp);
    if (created && (!latest.has(key) || latest.get(key)! < created)) latest.set(key, created);
  }
  return seen(listed.value.map((d) => {
    const data = toDisk(d, schedules, latest);
    return resource('gcp.compute.disk', where(ctx, regionOf(data.location)), {
      id: `//compute.googleapis.com/projects/${id}/${d.zone ? 'zones' : 'regions'}/${data.location}/disks/${String(d.name)}`,
      name: String(d.name),
      tags: labelsOf(d.labels),
      data,
    });
  }));
}

/**
 * The project's common instance metadata. Only where VMs exist (CAI mode): without VMs no check
 * reads it, and an empty listing says so.
 */
async function projectMetadata(ctx: ProjectContext) {
  const id = ctx.project.projectId;
  if (!present(ctx, 'compute.googleapis.com/Instance')) return seen([]);
  const got = await observe(
    ctx.caller.call({ service: 'compute', operation: 'compute.projects.get', account: id }, async () => {
      const [p] = await ctx.clients.computeProjects.get({ project: id }, { timeout: ctx.timeoutMs });
      return p;
    }),
    'compute.projects.get',
    id,
  );
  return mapObserved(got, (p) => {
    const items: Record<string, string> = {};
    for (const item of p.commonInstanceMetadata?.items ?? []) items[String(item.key)] = item.value ?? '';
    return [resource('gcp.compute.project-metadata', where(ctx, GLOBAL_REGION), { id: `//compute.googleapis.com/projects/${id}/commonInstanceMetadata`, name: id, data: { items } })];
  });
}

/** Compute Engine: firewalls, networks, subnetworks, instances, disks and the project metadata. */
export const compute: TypeCollectors = {
  'gcp.compute.firewall': async (ctx) => {
    const id = ctx.project.projectId;
    const listed = await computeList(ctx, 'compute.firewalls.list', 'compute.googleapis.com/Firewall', (token) => ctx.clients.firewalls.list(paged(ctx, token), pageOptions(ctx)));
    return mapObserved(listed, (items) => items.map((f) =>
      resource('gcp.compute.firewall', where(ctx, GLOBAL_REGION), { id: `//compute.googleapis.com/projects/${id}/global/firewalls/${String(f.name)}`, name: String(f.name), data: toFirewall(f) })));
  },
  'gcp.compute.network': async (ctx) => {
    const id = ctx.project.projectId;
    const listed = await computeList(ctx, 'compute.networks.list', 'compute.googleapis.com/Network', (token) => ctx.clients.networks.list(paged(ctx, token), pageOptions(ctx)));
    return mapObserved(listed, (items) => items.map((n) =>
      resource('gcp.compute.network', where(ctx, GLOBAL_REGION), { id: `//compute.googleapis.com/projects/${id}/global/networks/${String(n.name)}`, name: String(n.name), data: toNetwork(n) })));
  },
  'gcp.compute.subnetwork': async (ctx) => {
    const id = ctx.project.projectId;
    const listed = await aggregated<'subnetworks', protos.google.cloud.compute.v1.ISubnetwork>(ctx, 'compute.subnetworks.aggregatedList', 'compute.googleapis.com/Subnetwork', ctx.clients.subnetworks, 'subnetworks');
    return mapObserved(listed, (items) => items.map((s) => {
      const region = lastSegment(s.region ?? '');
      return resource('gcp.compute.subnetwork', where(ctx, region), { id: `//compute.googleapis.com/projects/${id}/regions/${region}/subnetworks/${String(s.name)}`, name: String(s.name), data: toSubnetwork(s) });
    }));
  },
  'gcp.compute.instance': async (ctx) => {
    const id = ctx.project.projectId;
    const listed = await aggregated<'instances', protos.google.cloud.compute.v1.IInstance>(ctx, 'compute.instances.aggregatedList', 'compute.googleapis.com/Instance', ctx.clients.instances, 'instances');
    return mapObserved(listed, (items) => items.map((i) => {
      const data = toInstance(i);
      return resource('gcp.compute.instance', where(ctx, regionOf(data.zone)), { id: `//compute.googleapis.com/projects/${id}/zones/${data.zone}/instances/${String(i.name)}`, name: String(i.name), tags: labelsOf(i.labels), data });
    }));
  },
  'gcp.compute.disk': disks,
  'gcp.compute.project-metadata': projectMetadata,
};

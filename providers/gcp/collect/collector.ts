import type { Listing } from '../../../src/core/inventory.js';
import { collectionError, observedBy, seen, unseen, type Observed } from '../../../src/core/observed.js';
import type { CollectTask, TaskContext, Target } from '../../../src/core/provider.js';
import { GLOBAL_REGION, type Resource, type ResourceType, type Scope } from '../../../src/core/resource.js';
import { failedListing, listing, resource } from '../../../src/inventory/build.js';
import type { GcpConfig } from '../config.js';
import type { GcpAuditConfig, GcpIamBinding, GcpLogSink, GcpWorkspaceUser } from '../model/types.js';
import { GcpCaller, type RetryPolicy } from './call.js';
import type { GcpClients } from './clients.js';
import type { AssetIndex, Discovery, DiscoveredProject } from './discovery.js';
import { classifyGcpError, jsonObject } from './errors.js';
import {
  diskKey,
  isoTime,
  labelsOf,
  lastSegment,
  resourcePolicyKey,
  toAsset,
  toAuditConfigs,
  toBindings,
  toBucket,
  toCryptoKey,
  toDisk,
  toFirewall,
  toInstance,
  toNetwork,
  toSink,
  toSqlInstance,
  toSubnetwork,
} from './normalise.js';

type Json = Record<string, unknown>;
type AnyResource = Resource;

/** What an adapter keeps per target; never serialised. */
export type GcpSession =
  | { readonly kind: 'project'; readonly project: DiscoveredProject }
  | { readonly kind: 'organization'; readonly organization: string | null };

const regionOf = (location: string): string => (/^[a-z]+-[a-z]+\d+-[a-z]$/.test(location) ? location.slice(0, location.lastIndexOf('-')) : location);

/** The asset type each collected resource type stands for, and where its location comes from. */
const ASSET_OF: Partial<Record<ResourceType, string>> = {
  'gcp.compute.instance': 'compute.googleapis.com/Instance',
  'gcp.compute.disk': 'compute.googleapis.com/Disk',
  'gcp.compute.firewall': 'compute.googleapis.com/Firewall',
  'gcp.compute.network': 'compute.googleapis.com/Network',
  'gcp.compute.subnetwork': 'compute.googleapis.com/Subnetwork',
  'gcp.storage.bucket': 'storage.googleapis.com/Bucket',
  'gcp.sql.instance': 'sqladmin.googleapis.com/Instance',
  'gcp.kms.crypto-key': 'cloudkms.googleapis.com/CryptoKey',
  'gcp.iam.service-account': 'iam.googleapis.com/ServiceAccount',
};

/** The task that produces each type for a project, and the types of the organisation target. */
const PROJECT_TASKS: Readonly<Record<string, readonly ResourceType[]>> = {
  resourcemanager: ['gcp.project', 'gcp.project.iam-policy'],
  'iam-policies': ['gcp.iam.policy'],
  iam: ['gcp.iam.service-account'],
  compute: ['gcp.compute.firewall', 'gcp.compute.instance', 'gcp.compute.disk', 'gcp.compute.network', 'gcp.compute.subnetwork', 'gcp.compute.project-metadata'],
  storage: ['gcp.storage.bucket'],
  sql: ['gcp.sql.instance'],
  kms: ['gcp.kms.crypto-key'],
  logging: ['gcp.logging.sink'],
  asset: ['gcp.asset'],
};
const ORGANIZATION_TASKS: Readonly<Record<string, readonly ResourceType[]>> = {
  resourcemanager: ['gcp.iam.policy'],
  workspace: ['gcp.workspace.directory'],
};

/** Every type the adapter collects (in projects or in the organisation target). */
export const GCP_RESOURCE_TYPES: readonly ResourceType[] = [...new Set([...Object.values(PROJECT_TASKS).flat(), ...Object.values(ORGANIZATION_TASKS).flat()])];

async function observe<T>(work: Promise<T>, operation: string, account: string): Promise<Observed<T>> {
  try {
    return seen(await work, observedBy(operation));
  } catch (e) {
    return unseen(classifyGcpError(e, operation, { account }));
  }
}

/** Collection for every target of one scan, with the memos that keep each call to one per scan. */
export class GcpCollector {
  private readonly ancestorPolicyMemo = new Map<string, Promise<Observed<{ bindings: GcpIamBinding[]; auditConfigs: GcpAuditConfig[] }>>>();
  private readonly ancestorSinkMemo = new Map<string, Promise<Observed<GcpLogSink[]>>>();
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
    const table = session.kind === 'project' ? PROJECT_TASKS : ORGANIZATION_TASKS;
    const scope: Scope = { provider: 'gcp', account: target.account, region: GLOBAL_REGION, ...(target.accountName ? { accountName: target.accountName } : {}) };
    // Only the requested types: a scan of one check makes only the calls that check needs.
    const chosen = Object.entries(table)
      .map(([service, produced]) => [service, produced.filter((t) => types.has(t))] as const)
      .filter(([, produced]) => produced.length > 0);
    if (session.kind === 'project') this.projectMemos.set(target.account, { memo: new Map(), pending: chosen.length });
    return chosen.map(([service, produced]) => ({
      service,
      region: GLOBAL_REGION,
      types: produced,
      run: async (ctx: TaskContext): Promise<readonly Listing[]> => {
        const caller = new GcpCaller(ctx.api, this.retry, ctx.signal);
        try {
          const listings =
            session.kind === 'project'
              ? await this.runProjectTask(service, produced, session.project, scope, caller)
              : await this.runOrganizationTask(service, session.organization, scope, caller);
          return produced.map((type) => listings.find((l) => l.type === type) ?? failedListing(scope, type, collectionError('UNEXPECTED', `${service}:collect`, `no listing of ${type} was produced`, { provider: 'gcp', account: target.account })));
        } finally {
          if (session.kind === 'project') this.release(target.account);
        }
      },
    }));
  }

  /** Drop a project's memo once its last task finished: memory stays bounded by the projects in flight. */
  private release(projectId: string): void {
    const entry = this.projectMemos.get(projectId);
    if (entry && --entry.pending <= 0) this.projectMemos.delete(projectId);
  }

  private memo<T>(projectId: string, key: string, load: () => Promise<T>): Promise<T> {
    let entry = this.projectMemos.get(projectId);
    if (!entry) this.projectMemos.set(projectId, (entry = { memo: new Map(), pending: 1 }));
    let value = entry.memo.get(key) as Promise<T> | undefined;
    if (!value) {
      value = load();
      entry.memo.set(key, value);
    }
    return value;
  }

  private get opts() {
    return { autoPaginate: false, timeout: this.timeoutMs } as const;
  }

  // ---------------------------------------------------------------- Cloud Asset Inventory view

  private caiResources(project: DiscoveredProject): readonly { name: string; assetType: string; location: string; labels: Readonly<Record<string, string>> }[] | null {
    const assets = this.assetsFor(project);
    return assets ? assets.resources.get(`projects/${project.projectNumber}`) ?? [] : null;
  }

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
  private assetsFor(project: DiscoveredProject): AssetIndex | null {
    if (!this.assets) return null;
    let node = project.parent;
    for (let depth = 0; node && depth < 12; depth++) {
      if (this.assets.scopes.includes(node)) return this.assets;
      node = node.startsWith('folders/') ? this.discovery.folderParents.get(node) ?? null : null;
    }
    return null;
  }

  /** In CAI mode, whether the project holds any asset of these types; outside it, always true. */
  private present(project: DiscoveredProject, ...assetTypes: string[]): boolean {
    const found = this.caiResources(project);
    return found === null || found.some((r) => assetTypes.includes(r.assetType));
  }

  // ---------------------------------------------------------------- project tasks

  private async runProjectTask(service: string, produced: readonly ResourceType[], project: DiscoveredProject, scope: Scope, caller: GcpCaller): Promise<Listing[]> {
    const id = project.projectId;
    switch (service) {
      case 'resourcemanager':
        return this.projectPolicies(project, scope, caller);
      case 'iam-policies':
        return [await this.resourcePolicies(project, scope, caller)];
      case 'asset':
        return [await this.assetListing(project, scope, caller)];
      default: {
        return Promise.all(
          produced.map(async (type) => {
            const items = await this.typeListing(type, project, scope, caller);
            return items.ok ? listing(scope, type, items.value, items.source) : failedListing(scope, type, { ...items.error, account: id });
          }),
        );
      }
    }
  }

  /** One memoised listing per (project, type): tasks and the asset view share it. */
  private typeListing(type: ResourceType, project: DiscoveredProject, scope: Scope, caller: GcpCaller): Promise<Observed<AnyResource[]>> {
    return this.memo(project.projectId, `type:${type}`, () => {
      const id = project.projectId;
      const where = (region: string) => ({ provider: 'gcp' as const, account: id, region });
      switch (type) {
        case 'gcp.compute.firewall':
          return this.computeList(project, caller, 'compute.firewalls.list', 'compute.googleapis.com/Firewall', (token) =>
            this.clients.firewalls.list({ project: id, maxResults: 500, ...(token ? { pageToken: token } : {}) }, this.opts),
          ).then((o) => map(o, (items) => items.map((f) =>
            resource('gcp.compute.firewall', where(GLOBAL_REGION), { id: `//compute.googleapis.com/projects/${id}/global/firewalls/${String(f['name'])}`, name: String(f['name']), data: toFirewall(f) }))));
        case 'gcp.compute.network':
          return this.computeList(project, caller, 'compute.networks.list', 'compute.googleapis.com/Network', (token) =>
            this.clients.networks.list({ project: id, maxResults: 500, ...(token ? { pageToken: token } : {}) }, this.opts),
          ).then((o) => map(o, (items) => items.map((n) =>
            resource('gcp.compute.network', where(GLOBAL_REGION), { id: `//compute.googleapis.com/projects/${id}/global/networks/${String(n['name'])}`, name: String(n['name']), data: toNetwork(n) }))));
        case 'gcp.compute.subnetwork':
          return this.aggregated(project, caller, 'compute.subnetworks.aggregatedList', 'compute.googleapis.com/Subnetwork', this.clients.subnetworks, 'subnetworks')
            .then((o) => map(o, (items) => items.map((s) => {
              const region = lastSegment(String(s['region'] ?? ''));
              return resource('gcp.compute.subnetwork', where(region), { id: `//compute.googleapis.com/projects/${id}/regions/${region}/subnetworks/${String(s['name'])}`, name: String(s['name']), data: toSubnetwork(s) });
            })));
        case 'gcp.compute.instance':
          return this.aggregated(project, caller, 'compute.instances.aggregatedList', 'compute.googleapis.com/Instance', this.clients.instances, 'instances')
            .then((o) => map(o, (items) => items.map((i) => {
              const data = toInstance(i);
              return resource('gcp.compute.instance', where(regionOf(data.zone)), { id: `//compute.googleapis.com/projects/${id}/zones/${data.zone}/instances/${String(i['name'])}`, name: String(i['name']), tags: labelsOf(i['labels']), data });
            })));
        case 'gcp.compute.disk':
          return this.disks(project, caller);
        case 'gcp.compute.project-metadata':
          return this.projectMetadata(project, caller);
        case 'gcp.storage.bucket':
          return this.buckets(project, caller);
        case 'gcp.sql.instance':
          return this.sqlInstances(project, caller);
        case 'gcp.kms.crypto-key':
          return this.cryptoKeys(project, caller);
        case 'gcp.iam.service-account':
          return this.serviceAccounts(project, caller);
        case 'gcp.logging.sink':
          return observe(
            caller.pages({ service: 'logging', operation: 'logging.sinks.list', account: id }, async (token, signal) => {
              const res = await this.clients.logging.projects.sinks.list({ parent: `projects/${id}`, pageSize: 200, ...(token ? { pageToken: token } : {}) }, { signal });
              jsonObject(res.data, 'logging.sinks.list');
              return { items: (res.data.sinks ?? []) as Json[], next: res.data.nextPageToken };
            }),
            'logging.sinks.list',
            id,
          ).then((o) => map(o, (items) => items.map((s) => {
            const data = toSink(s, `projects/${id}`);
            return resource('gcp.logging.sink', where(GLOBAL_REGION), { id: `//logging.googleapis.com/${data.name}`, name: String(s['name']), data });
          })));
        default:
          return Promise.resolve(unseen(collectionError('UNEXPECTED', `gcp:${type}`, `no collector for ${type}`, { provider: 'gcp', account: id })));
      }
    });
  }

  /** A paged global Compute list, skipped when Cloud Asset Inventory shows no asset of its type. */
  private computeList(
    project: DiscoveredProject,
    caller: GcpCaller,
    operation: string,
    assetType: string,
    fetch: (token: string | undefined) => Promise<[unknown[], { pageToken?: string | null } | null | undefined, unknown]>,
  ): Promise<Observed<Json[]>> {
    if (!this.present(project, assetType)) return Promise.resolve(seen([]));
    return observe(
      caller.pages({ service: 'compute', operation, account: project.projectId }, async (token) => {
        const [items, next] = await fetch(token);
        return { items: items as Json[], next: next?.pageToken ?? null };
      }),
      operation,
      project.projectId,
    );
  }

  /**
   * A Compute aggregatedList, page by page. The library exposes it only as an async iterator that
   * pages on its own, which would hide the calls from the counter; the paged inner call gives one
   * counted call per page.
   */
  private aggregated(
    project: DiscoveredProject,
    caller: GcpCaller,
    operation: string,
    assetType: string,
    client: { initialize(): Promise<unknown> },
    field: string,
  ): Promise<Observed<Json[]>> {
    if (!this.present(project, assetType)) return Promise.resolve(seen([]));
    const id = project.projectId;
    return observe(
      (async () => {
        await client.initialize();
        const inner = (client as unknown as { innerApiCalls: Record<string, (req: unknown, opts: unknown) => Promise<[Record<string, Json>, { pageToken?: string } | null, unknown]>> }).innerApiCalls['aggregatedList'];
        if (!inner) throw new Error('the Compute client has no aggregatedList');
        return caller.pages({ service: 'compute', operation, account: id }, async (token) => {
          const [scopes, next] = await inner({ project: id, maxResults: 500, returnPartialSuccess: false, ...(token ? { pageToken: token } : {}) }, this.opts);
          // A zone or region it could not reach is a per-scope warning beside the others' items, not an error.
          const unreachable = Object.entries(scopes ?? {}).filter(([, s]) => String(((s as Json)['warning'] as Json | undefined)?.['code'] ?? '') === 'UNREACHABLE').map(([where]) => where);
          if (unreachable.length > 0) throw Object.assign(new Error(`the aggregated list is incomplete: ${unreachable.join(', ')} unreachable`), { status: 503 });
          const items = Object.values(scopes ?? {}).flatMap((s) => ((s as Json)[field] as Json[] | undefined) ?? []);
          return { items, next: next?.pageToken ?? null };
        });
      })(),
      operation,
      id,
    );
  }

  private async disks(project: DiscoveredProject, caller: GcpCaller): Promise<Observed<AnyResource[]>> {
    const id = project.projectId;
    const disks = await this.aggregated(project, caller, 'compute.disks.aggregatedList', 'compute.googleapis.com/Disk', this.clients.disks, 'disks');
    if (!disks.ok || disks.value.length === 0) return map(disks, () => []);
    const [policies, snapshots] = await Promise.all([
      this.aggregated(project, caller, 'compute.resourcePolicies.aggregatedList', 'compute.googleapis.com/ResourcePolicy', this.clients.resourcePolicies, 'resourcePolicies'),
      this.computeList(project, caller, 'compute.snapshots.list', 'compute.googleapis.com/Snapshot', (token) =>
        this.clients.snapshots.list({ project: id, maxResults: 500, ...(token ? { pageToken: token } : {}) }, this.opts),
      ),
    ]);
    if (!policies.ok) return policies;
    if (!snapshots.ok) return snapshots;
    const schedules = new Set(policies.value.filter((p) => p['snapshotSchedulePolicy']).map((p) => resourcePolicyKey(String(p['selfLink'] ?? `regions/${lastSegment(String(p['region']))}/resourcePolicies/${String(p['name'])}`))));
    const latest = new Map<string, string>();
    for (const s of snapshots.value) {
      const key = diskKey(String(s['sourceDisk'] ?? ''));
      const created = isoTime(s['creationTimestamp']);
      if (created && (!latest.has(key) || latest.get(key)! < created)) latest.set(key, created);
    }
    return seen(disks.value.map((d) => {
      const data = toDisk(d, schedules, latest);
      const zonal = Boolean(d['zone']);
      return resource('gcp.compute.disk', { provider: 'gcp', account: id, region: regionOf(data.location) }, {
        id: `//compute.googleapis.com/projects/${id}/${zonal ? 'zones' : 'regions'}/${data.location}/disks/${String(d['name'])}`,
        name: String(d['name']),
        tags: labelsOf(d['labels']),
        data,
      });
    }));
  }

  /**
   * The project's common instance metadata. Only where VMs exist (CAI mode): without VMs no check
   * reads it, and an empty listing says so.
   */
  private async projectMetadata(project: DiscoveredProject, caller: GcpCaller): Promise<Observed<AnyResource[]>> {
    const id = project.projectId;
    if (!this.present(project, 'compute.googleapis.com/Instance')) return seen([]);
    const got = await observe(
      caller.call({ service: 'compute', operation: 'compute.projects.get', account: id }, async () => {
        const [p] = await this.clients.computeProjects.get({ project: id }, { timeout: this.timeoutMs });
        return p as unknown as Json;
      }),
      'compute.projects.get',
      id,
    );
    return map(got, (p) => {
      const items: Record<string, string> = {};
      for (const item of ((p['commonInstanceMetadata'] as Json | undefined)?.['items'] as Json[] | undefined) ?? []) items[String(item['key'])] = String(item['value'] ?? '');
      return [resource('gcp.compute.project-metadata', { provider: 'gcp', account: id, region: GLOBAL_REGION }, {
        id: `//compute.googleapis.com/projects/${id}/commonInstanceMetadata`, name: id, data: { items },
      }) as AnyResource];
    });
  }

  /** Buckets with their IAM policies: from Cloud Asset Inventory when it ran, else one call per bucket. */
  private buckets(project: DiscoveredProject, caller: GcpCaller): Promise<Observed<AnyResource[]>> {
    const id = project.projectId;
    if (!this.present(project, 'storage.googleapis.com/Bucket')) return Promise.resolve(seen([]));
    return observe(
      caller.pages({ service: 'storage', operation: 'storage.buckets.list', account: id }, async (token) => {
        const [buckets, nextQuery, answer] = (await this.clients.storage.getBuckets({ project: id, autoPaginate: false, maxResults: 1000, ...(token ? { pageToken: token } : {}) } as never)) as unknown as [
          { name: string; metadata: Json }[],
          { pageToken?: string } | null,
          unknown,
        ];
        jsonObject(answer, 'storage.buckets.list');
        return { items: buckets.map((b) => b.metadata), next: nextQuery?.pageToken ?? null };
      }),
      'storage.buckets.list',
      id,
    ).then(async (listed) => {
      if (!listed.ok) return listed;
      const assets = this.assetsFor(project);
      const caiPolicies = assets ? assets.policies.get(`projects/${project.projectNumber}`) ?? [] : null;
      const out = await Promise.all(listed.value.map(async (b) => {
        const name = String(b['name']);
        const fullName = `//storage.googleapis.com/${name}`;
        const bindings: Observed<readonly GcpIamBinding[]> = caiPolicies
          ? seen(caiPolicies.filter((p) => p.resource === fullName).flatMap((p) => p.bindings.map((x) => ({ ...x, source: fullName }))))
          : await observe(
              caller.call({ service: 'storage', operation: 'storage.buckets.getIamPolicy', account: id }, async () => {
                const [policy] = await this.clients.storage.bucket(name).iam.getPolicy({ requestedPolicyVersion: 3 });
                jsonObject(policy, 'storage.buckets.getIamPolicy');
                return toBindings(policy as unknown as Json, fullName);
              }),
              'storage.buckets.getIamPolicy',
              id,
            );
        const data = toBucket(b, bindings);
        return resource('gcp.storage.bucket', { provider: 'gcp', account: id, region: data.location.toLowerCase() }, { id: fullName, name, tags: labelsOf(b['labels']), data });
      }));
      return seen(out as AnyResource[]);
    });
  }

  private sqlInstances(project: DiscoveredProject, caller: GcpCaller): Promise<Observed<AnyResource[]>> {
    const id = project.projectId;
    if (!this.present(project, 'sqladmin.googleapis.com/Instance')) return Promise.resolve(seen([]));
    return observe(
      caller.pages({ service: 'sqladmin', operation: 'cloudsql.instances.list', account: id }, async (token, signal) => {
        const res = await this.clients.sql.instances.list({ project: id, maxResults: 500, ...(token ? { pageToken: token } : {}) }, { signal });
        jsonObject(res.data, 'cloudsql.instances.list');
        // Cloud SQL answers 200 with the instances of the regions it reached and a warning for the others.
        const unreachable = (res.data.warnings ?? []).filter((w) => w.code === 'REGION_UNREACHABLE');
        if (unreachable.length > 0) {
          throw Object.assign(new Error(`the instance list is incomplete: ${unreachable.map((w) => w.region ?? w.message ?? 'a region').join(', ')} unreachable`), { status: 503 });
        }
        return { items: (res.data.items ?? []) as Json[], next: res.data.nextPageToken };
      }),
      'cloudsql.instances.list',
      id,
    ).then((o) => map(o, (items) => items.map((i) => {
      const name = String(i['name']);
      return resource('gcp.sql.instance', { provider: 'gcp', account: id, region: String(i['region'] ?? '') }, {
        id: `//cloudsql.googleapis.com/projects/${id}/instances/${name}`,
        name,
        tags: labelsOf((i['settings'] as Json | undefined)?.['userLabels']),
        data: toSqlInstance(i),
      });
    })));
  }

  /** Key rings from Cloud Asset Inventory when it ran; otherwise every KMS location's key rings. */
  private async cryptoKeys(project: DiscoveredProject, caller: GcpCaller): Promise<Observed<AnyResource[]>> {
    const id = project.projectId;
    const cai = this.caiResources(project);
    let rings: Observed<string[]>;
    if (cai) {
      rings = seen(cai.filter((r) => r.assetType === 'cloudkms.googleapis.com/KeyRing').map((r) => r.name.replace('//cloudkms.googleapis.com/', '')));
    } else {
      rings = await observe(
        (async () => {
          // The locations list comes as one page of every KMS location (about 50).
          const locations = await caller.call({ service: 'kms', operation: 'cloudkms.locations.list', account: id }, async () => {
            const out: string[] = [];
            for await (const l of this.clients.kms.listLocationsAsync({ name: `projects/${id}`, pageSize: 1000 }, { autoPaginate: false, timeout: this.timeoutMs })) out.push(String(l.locationId));
            return out;
          });
          const perLocation = await Promise.all(locations.map((location) =>
            caller.pages({ service: 'kms', operation: 'cloudkms.keyRings.list', account: id }, async (token) => {
              const [items, next] = await this.clients.kms.listKeyRings({ parent: `projects/${id}/locations/${location}`, pageSize: 1000, ...(token ? { pageToken: token } : {}) }, this.opts);
              return { items: items.map((r) => String(r.name)), next: next?.pageToken ?? null };
            }),
          ));
          return perLocation.flat();
        })(),
        'cloudkms.keyRings.list',
        id,
      );
    }
    if (!rings.ok) return rings;
    return observe(
      Promise.all(rings.value.map((ring) =>
        caller.pages({ service: 'kms', operation: 'cloudkms.cryptoKeys.list', account: id }, async (token) => {
          const [items, next] = await this.clients.kms.listCryptoKeys({ parent: ring, pageSize: 1000, ...(token ? { pageToken: token } : {}) }, this.opts);
          return { items: items as unknown as Json[], next: next?.pageToken ?? null };
        }),
      )).then((lists) => lists.flat().map((k) => {
        const name = String(k['name']);
        const location = /locations\/([^/]+)/.exec(name)?.[1] ?? GLOBAL_REGION;
        return resource('gcp.kms.crypto-key', { provider: 'gcp', account: id, region: location }, { id: `//cloudkms.googleapis.com/${name}`, name: lastSegment(name), tags: labelsOf(k['labels']), data: toCryptoKey(k) });
      }) as AnyResource[]),
      'cloudkms.cryptoKeys.list',
      id,
    );
  }

  private async serviceAccounts(project: DiscoveredProject, caller: GcpCaller): Promise<Observed<AnyResource[]>> {
    const id = project.projectId;
    if (!this.present(project, 'iam.googleapis.com/ServiceAccount')) return seen([]);
    const accounts = await observe(
      caller.pages({ service: 'iam', operation: 'iam.serviceAccounts.list', account: id }, async (token, signal) => {
        const res = await this.clients.iam.projects.serviceAccounts.list({ name: `projects/${id}`, pageSize: 100, ...(token ? { pageToken: token } : {}) }, { signal });
        jsonObject(res.data, 'iam.serviceAccounts.list');
        return { items: (res.data.accounts ?? []) as Json[], next: res.data.nextPageToken };
      }),
      'iam.serviceAccounts.list',
      id,
    );
    if (!accounts.ok) return accounts;
    return seen(await Promise.all(accounts.value.map(async (a) => {
      const email = String(a['email']);
      const keys = await observe(
        caller.call({ service: 'iam', operation: 'iam.serviceAccountKeys.list', account: id }, async (signal) => {
          const res = await this.clients.iam.projects.serviceAccounts.keys.list({ name: `projects/${id}/serviceAccounts/${email}`, keyTypes: ['USER_MANAGED'] }, { signal });
          jsonObject(res.data, 'iam.serviceAccountKeys.list');
          return (res.data.keys ?? []).map((k) => ({
            name: String(k.name),
            keyType: String(k.keyType ?? 'USER_MANAGED'),
            validAfterTime: k.validAfterTime ? isoTime(k.validAfterTime) : null,
            validBeforeTime: k.validBeforeTime ? isoTime(k.validBeforeTime) : null,
            disabled: k.disabled === true,
          })).filter((k) => k.keyType === 'USER_MANAGED');
        }),
        'iam.serviceAccountKeys.list',
        id,
      );
      return resource('gcp.iam.service-account', { provider: 'gcp', account: id, region: GLOBAL_REGION }, {
        id: `//iam.googleapis.com/projects/${id}/serviceAccounts/${String(a['uniqueId'] ?? email)}`,
        name: email,
        data: { email, uniqueId: String(a['uniqueId'] ?? ''), disabled: a['disabled'] === true, userManagedKeys: keys },
      }) as AnyResource;
    })));
  }

  // ---------------------------------------------------------------- IAM and inheritance

  private projectPolicy(project: DiscoveredProject, caller: GcpCaller): Promise<Observed<Json>> {
    const id = project.projectId;
    return this.memo(id, 'policy', () =>
      observe(
        caller.call({ service: 'resourcemanager', operation: 'resourcemanager.projects.getIamPolicy', account: id }, async () => {
          const [policy] = await this.clients.projects.getIamPolicy({ resource: `projects/${id}`, options: { requestedPolicyVersion: 3 } }, { timeout: this.timeoutMs });
          return policy as unknown as Json;
        }),
        'resourcemanager.projects.getIamPolicy',
        id,
      ),
    );
  }

  /** `projects/p`, then its folders, then the organisation. */
  private async ancestry(project: DiscoveredProject): Promise<Observed<string[]>> {
    return observe(
      (async () => {
        const chain = [`projects/${project.projectId}`];
        let node = project.parent;
        for (let depth = 0; node && depth < 12; depth++) {
          chain.push(node);
          node = node.startsWith('folders/') ? await this.discovery.parentOfFolder(node) : null;
        }
        return chain;
      })(),
      'resourcemanager.folders.get',
      project.projectId,
    );
  }

  private ancestorPolicy(container: string, caller: GcpCaller): Promise<Observed<{ bindings: GcpIamBinding[]; auditConfigs: GcpAuditConfig[] }>> {
    let value = this.ancestorPolicyMemo.get(container);
    if (!value) {
      const isOrg = container.startsWith('organizations/');
      const operation = isOrg ? 'resourcemanager.organizations.getIamPolicy' : 'resourcemanager.folders.getIamPolicy';
      value = observe(
        caller.call({ service: 'resourcemanager', operation, account: container }, async () => {
          const request = { resource: container, options: { requestedPolicyVersion: 3 } };
          const [policy] = isOrg
            ? await this.clients.organizations.getIamPolicy(request, { timeout: this.timeoutMs })
            : await this.clients.folders.getIamPolicy(request, { timeout: this.timeoutMs });
          const json = policy as unknown as Json;
          return { bindings: toBindings(json, container), auditConfigs: toAuditConfigs(json, container) };
        }),
        operation,
        container,
      );
      this.ancestorPolicyMemo.set(container, value);
    }
    return value;
  }

  private ancestorSinks(container: string, caller: GcpCaller): Promise<Observed<GcpLogSink[]>> {
    let value = this.ancestorSinkMemo.get(container);
    if (!value) {
      const isOrg = container.startsWith('organizations/');
      value = observe(
        caller.pages({ service: 'logging', operation: 'logging.sinks.list', account: container }, async (token, signal) => {
          const params = { parent: container, pageSize: 200, ...(token ? { pageToken: token } : {}) };
          const res = isOrg
            ? await this.clients.logging.organizations.sinks.list(params, { signal })
            : await this.clients.logging.folders.sinks.list(params, { signal });
          jsonObject(res.data, 'logging.sinks.list');
          return { items: (res.data.sinks ?? []) as Json[], next: res.data.nextPageToken };
        }),
        'logging.sinks.list',
        container,
      ).then((o) => map(o, (items) => items.map((s) => toSink(s, container))));
      this.ancestorSinkMemo.set(container, value);
    }
    return value;
  }

  private async projectPolicies(project: DiscoveredProject, scope: Scope, caller: GcpCaller): Promise<Listing[]> {
    const id = project.projectId;
    const [policy, ancestry] = await Promise.all([this.projectPolicy(project, caller), this.ancestry(project)]);
    let inheritedBindings: Observed<GcpIamBinding[]>;
    let inheritedAudit: Observed<GcpAuditConfig[]>;
    let inheritedSinks: Observed<GcpLogSink[]>;
    if (!ancestry.ok) {
      inheritedBindings = inheritedAudit = inheritedSinks = ancestry;
    } else {
      const ancestors = ancestry.value.slice(1);
      const [policies, sinks] = await Promise.all([
        Promise.all(ancestors.map((a) => this.ancestorPolicy(a, caller))),
        Promise.all(ancestors.map((a) => this.ancestorSinks(a, caller))),
      ]);
      const policiesAll = all(policies);
      inheritedBindings = map(policiesAll, (ps) => ps.flatMap((p) => p.bindings));
      inheritedAudit = map(policiesAll, (ps) => ps.flatMap((p) => p.auditConfigs));
      inheritedSinks = map(all(sinks), (ss) => ss.flat().filter((s) => s.includeChildren));
    }
    const chain = ancestry.ok ? ancestry.value : [`projects/${id}`];
    const where = { provider: 'gcp' as const, account: id, region: GLOBAL_REGION };
    const projectResource = resource('gcp.project', where, {
      id: `//cloudresourcemanager.googleapis.com/projects/${id}`,
      name: id,
      data: { projectId: id, projectNumber: project.projectNumber, parent: project.parent, ancestry: chain, state: project.state, inheritedSinks },
    });
    const policyListing: Listing = policy.ok
      ? listing(scope, 'gcp.project.iam-policy', [
          resource('gcp.project.iam-policy', where, {
            id: `//cloudresourcemanager.googleapis.com/projects/${id}/iamPolicy`,
            name: id,
            data: {
              projectId: id,
              ancestry: chain,
              bindings: toBindings(policy.value, `projects/${id}`),
              inheritedBindings,
              auditConfigs: map(inheritedAudit, (inherited) => [...toAuditConfigs(policy.value, `projects/${id}`), ...inherited]),
            },
          }),
        ])
      : failedListing(scope, 'gcp.project.iam-policy', policy.error);
    return [listing(scope, 'gcp.project', [projectResource]), policyListing];
  }

  /** IAM policies set on resources of the project (CAI), or the project's and its buckets' (fallback). */
  private async resourcePolicies(project: DiscoveredProject, scope: Scope, caller: GcpCaller): Promise<Listing> {
    const id = project.projectId;
    const where = { provider: 'gcp' as const, account: id, region: GLOBAL_REGION };
    const toResource = (fullName: string, assetType: string, bindings: readonly GcpIamBinding[]) =>
      resource('gcp.iam.policy', where, { id: `${fullName}#iamPolicy`, name: lastSegment(fullName) || fullName, data: { resource: fullName, assetType, bindings } });
    const assets = this.assetsFor(project);
    if (assets) {
      const policies = assets.policies.get(`projects/${project.projectNumber}`) ?? [];
      return listing(scope, 'gcp.iam.policy', policies.map((p) => toResource(p.resource, p.assetType, p.bindings.map((b) => ({ ...b, source: p.resource })))));
    }
    const [policy, buckets] = await Promise.all([this.projectPolicy(project, caller), this.typeListing('gcp.storage.bucket', project, scope, caller)]);
    if (!policy.ok) return failedListing(scope, 'gcp.iam.policy', policy.error);
    const projectName = `//cloudresourcemanager.googleapis.com/projects/${id}`;
    const out = [toResource(projectName, 'cloudresourcemanager.googleapis.com/Project', toBindings(policy.value, `projects/${id}`))];
    if (!buckets.ok && buckets.error.code !== 'NOT_ENABLED') return failedListing(scope, 'gcp.iam.policy', buckets.error);
    for (const b of buckets.ok ? (buckets.value as Resource<'gcp.storage.bucket'>[]) : []) {
      if (!b.data.iamBindings.ok) return failedListing(scope, 'gcp.iam.policy', b.data.iamBindings.error);
      out.push(toResource(b.id, 'storage.googleapis.com/Bucket', b.data.iamBindings.value));
    }
    return listing(scope, 'gcp.iam.policy', out);
  }

  /** Locations and labels of every resource: CAI's index, or built from the service listings. */
  private async assetListing(project: DiscoveredProject, scope: Scope, caller: GcpCaller): Promise<Listing> {
    const id = project.projectId;
    const where = (region: string) => ({ provider: 'gcp' as const, account: id, region });
    const cai = this.caiResources(project);
    if (cai) {
      return listing(scope, 'gcp.asset', cai.map((r) =>
        resource('gcp.asset', where(regionOf(r.location) || GLOBAL_REGION), { id: r.name, name: lastSegment(r.name), tags: r.labels, data: toAsset(r.assetType, r.location || GLOBAL_REGION, r.labels) }),
      ));
    }
    const out: Resource<'gcp.asset'>[] = [];
    for (const [type, assetType] of Object.entries(ASSET_OF) as [ResourceType, string][]) {
      const items = await this.typeListing(type, project, scope, caller);
      // A disabled API holds no resources; any other failure leaves the view incomplete.
      if (!items.ok) {
        if (items.error.code === 'NOT_ENABLED') continue;
        return failedListing(scope, 'gcp.asset', items.error);
      }
      for (const r of items.value) {
        const location = locationOf(r);
        out.push(resource('gcp.asset', where(r.region), { id: r.id, name: r.name, tags: r.tags, data: toAsset(assetType, location, r.tags) }));
      }
    }
    return listing(scope, 'gcp.asset', out);
  }

  // ---------------------------------------------------------------- organisation tasks

  private async runOrganizationTask(service: string, organization: string | null, scope: Scope, caller: GcpCaller): Promise<Listing[]> {
    if (service === 'workspace') return [await this.directory(scope, caller)];
    const containers = [...(organization ? [organization] : []), ...this.folders()];
    const where = { provider: 'gcp' as const, account: scope.account, region: GLOBAL_REGION };
    const policies = await Promise.all(containers.map((c) => this.ancestorPolicy(c, caller)));
    const failed = policies.find((p) => !p.ok);
    if (failed && !failed.ok) return [failedListing(scope, 'gcp.iam.policy', failed.error)];
    return [
      listing(scope, 'gcp.iam.policy', containers.map((c, i) => {
        const p = policies[i];
        const kind = c.startsWith('organizations/') ? 'Organization' : 'Folder';
        const fullName = `//cloudresourcemanager.googleapis.com/${c}`;
        return resource('gcp.iam.policy', where, { id: `${fullName}#iamPolicy`, name: c, data: { resource: fullName, assetType: `cloudresourcemanager.googleapis.com/${kind}`, bindings: p?.ok ? p.value.bindings : [] } });
      })),
    ];
  }

  private async directory(scope: Scope, caller: GcpCaller): Promise<Listing> {
    const workspace = this.config.workspace;
    const where = { provider: 'gcp' as const, account: scope.account, region: GLOBAL_REGION };
    const customer = workspace?.customer ?? 'my_customer';
    const id = `//admin.googleapis.com/customers/${customer}`;
    const client = this.clients.directory();
    if (!workspace || !client) {
      return listing(scope, 'gcp.workspace.directory', [resource('gcp.workspace.directory', where, { id, name: customer, data: { customer, adminSubject: null, users: null } })]);
    }
    const users = await observe(
      client.then((admin) =>
        caller.pages({ service: 'admin', operation: 'admin.directory.users.list', account: scope.account }, async (token, signal) => {
          const res = await admin.users.list({ customer, maxResults: 500, projection: 'basic', ...(token ? { pageToken: token } : {}) }, { signal });
          jsonObject(res.data, 'admin.directory.users.list');
          return { items: res.data.users ?? [], next: res.data.nextPageToken };
        }),
      ),
      'admin.directory.users.list',
      scope.account,
    );
    if (!users.ok) return failedListing(scope, 'gcp.workspace.directory', users.error);
    const list: GcpWorkspaceUser[] = users.value.map((u) => ({
      primaryEmail: String(u.primaryEmail ?? ''),
      isAdmin: u.isAdmin === true,
      suspended: u.suspended === true,
      archived: u.archived === true,
      isEnrolledIn2Sv: u.isEnrolledIn2Sv === true,
      isEnforcedIn2Sv: u.isEnforcedIn2Sv === true,
    }));
    return listing(scope, 'gcp.workspace.directory', [
      resource('gcp.workspace.directory', where, { id, name: customer, data: { customer, adminSubject: workspace.adminSubject, users: list } }),
    ]);
  }
}

function map<T, U>(o: Observed<T>, fn: (v: T) => U): Observed<U> {
  return o.ok ? seen(fn(o.value), o.source) : o;
}

function all<T>(items: readonly Observed<T>[]): Observed<T[]> {
  const out: T[] = [];
  for (const item of items) {
    if (!item.ok) return item;
    out.push(item.value);
  }
  return seen(out);
}

/** The location as the API states it: a zone for zonal resources, else the resource's region. */
function locationOf(r: AnyResource): string {
  const data = r.data as unknown as Partial<Record<'zone' | 'location', string>>;
  if (r.type === 'gcp.compute.instance' && data.zone) return data.zone;
  if (r.type === 'gcp.compute.disk' && data.location) return data.location;
  if (r.type === 'gcp.storage.bucket' && data.location) return data.location;
  return r.region;
}


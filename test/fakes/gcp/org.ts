import { installListedAssets, listedName, listedPolicies, type FakeAsset } from './listed-assets.js';
import { GcpFake, paged, permissionDenied, rateLimited, serviceDisabled, type FakeRequest, type FakeResponse } from './server.js';

type Json = Record<string, unknown>;

/** One emulated project: what each API answers for it. */
export interface FakeProject {
  readonly id: string;
  readonly number: string;
  readonly parent: string;
  readonly displayName?: string;
  readonly policy?: Json;
  readonly firewalls?: Json[];
  readonly instances?: Json[];
  readonly disks?: Json[];
  readonly snapshots?: Json[];
  readonly resourcePolicies?: Json[];
  readonly networks?: Json[];
  readonly subnetworks?: Json[];
  readonly buckets?: { readonly meta: Json; readonly policy: Json }[];
  readonly sqlInstances?: Json[];
  readonly serviceAccounts?: { readonly email: string; readonly keys: Json[] }[];
  readonly keyRings?: { readonly location: string; readonly name: string; readonly keys: Json[] }[];
  readonly sinks?: Json[];
  /** Assets read through Cloud Asset Inventory's ListAssets (see listed-assets.ts). */
  readonly assets?: readonly FakeAsset[];
  /** Compute project metadata items (`enable-oslogin`, ...). */
  readonly computeMetadata?: Record<string, string>;
  /** APIs answering SERVICE_DISABLED in this project, e.g. `sqladmin`. */
  readonly disabled?: readonly ('compute' | 'sqladmin' | 'storage' | 'iam' | 'kms' | 'logging' | 'cloudasset')[];
  /** Every per-project call answers 403 PERMISSION_DENIED. */
  readonly denied?: boolean;
  /** APIs answering 403 PERMISSION_DENIED in this project alone, e.g. `kms`. */
  readonly deniedApis?: readonly NonNullable<FakeProject['disabled']>[number][];
  /** The project's own labels, as Resource Manager lists them. */
  readonly labels?: Readonly<Record<string, string>>;
}

export interface FakeOrg {
  readonly orgId: string;
  readonly folders: readonly { readonly name: string; readonly parent: string }[];
  readonly projects: readonly FakeProject[];
  readonly orgPolicy?: Json;
  readonly folderPolicies?: Readonly<Record<string, Json>>;
  readonly orgSinks?: Json[];
  readonly folderSinks?: Readonly<Record<string, Json[]>>;
  readonly users?: Json[];
  /** Assets set on a folder or the organisation itself (`organizations/1` -> its contacts). */
  readonly containerAssets?: Readonly<Record<string, readonly FakeAsset[]>>;
  /** Cloud Asset Inventory: answers, answers SERVICE_DISABLED, or is never expected to be called. */
  readonly cai: 'enabled' | 'disabled';
  /** Page size of every list, to exercise nextPageToken. */
  readonly pageSize: number;
  /** Answer the first N calls of each route matching this path fragment with 429. */
  readonly throttle?: { readonly pathIncludes: string; readonly times: number };
}

const KMS_LOCATIONS = ['europe-west1', 'us-central1'];

/** Compute's aggregated answer: items keyed by zone or region, paged over the flat list. */
function aggregatedPage(req: FakeRequest, field: string, items: readonly Json[], pageSize: number): FakeResponse {
  const start = Number(req.query.get('pageToken') ?? '0');
  const page = items.slice(start, start + pageSize);
  const byScope: Record<string, Json> = {};
  for (const item of page) {
    const where = String(item['zone'] ? `zones/${String(item['zone']).split('/').pop()}` : `regions/${String(item['region'] ?? 'global').split('/').pop()}`);
    const entry = (byScope[where] ??= { [field]: [] });
    (entry[field] as Json[]).push(item);
  }
  if (page.length === 0) byScope['zones/us-east1-b'] = { warning: { code: 'NO_RESULTS_ON_PAGE', message: 'none' } };
  const next = start + pageSize < items.length ? String(start + pageSize) : undefined;
  return { body: { items: byScope, ...(next ? { nextPageToken: next } : {}) } };
}

export function assetName(projectId: string, kind: string, item: Json): string {
  return `//${kind}/projects/${projectId}/${String(item['name'])}`;
}

/** Whether `project` lies under `scope` (an organisation or folder name), through the folder tree. */
function under(org: FakeOrg, project: FakeProject, scope: string): boolean {
  let node: string | undefined = project.parent;
  for (let depth = 0; node && depth < 12; depth++) {
    if (node === scope) return true;
    node = org.folders.find((f) => f.name === node)?.parent;
  }
  return false;
}

/** The CAI view of a scope: every modelled resource with location and labels, every IAM policy. */
function caiResources(org: FakeOrg, scope: string): Json[] {
  const out: Json[] = [];
  for (const p of org.projects.filter((x) => under(org, x, scope))) {
    const project = `projects/${p.number}`;
    const add = (assetType: string, name: string, location: string, labels: Json = {}) => out.push({ name, assetType, project, location, labels });
    for (const f of p.firewalls ?? []) add('compute.googleapis.com/Firewall', `//compute.googleapis.com/projects/${p.id}/global/firewalls/${String(f['name'])}`, 'global');
    for (const n of p.networks ?? []) add('compute.googleapis.com/Network', `//compute.googleapis.com/projects/${p.id}/global/networks/${String(n['name'])}`, 'global');
    for (const s of p.subnetworks ?? []) add('compute.googleapis.com/Subnetwork', `//compute.googleapis.com/projects/${p.id}/regions/${String(s['region'])}/subnetworks/${String(s['name'])}`, String(s['region']));
    for (const i of p.instances ?? []) add('compute.googleapis.com/Instance', `//compute.googleapis.com/projects/${p.id}/zones/${String(i['zone'])}/instances/${String(i['name'])}`, String(i['zone']), (i['labels'] as Json) ?? {});
    for (const d of p.disks ?? []) add('compute.googleapis.com/Disk', `//compute.googleapis.com/projects/${p.id}/zones/${String(d['zone'])}/disks/${String(d['name'])}`, String(d['zone']), (d['labels'] as Json) ?? {});
    for (const s of p.snapshots ?? []) add('compute.googleapis.com/Snapshot', `//compute.googleapis.com/projects/${p.id}/global/snapshots/${String(s['name'])}`, 'global');
    for (const r of p.resourcePolicies ?? []) add('compute.googleapis.com/ResourcePolicy', `//compute.googleapis.com/projects/${p.id}/regions/${String(r['region'])}/resourcePolicies/${String(r['name'])}`, String(r['region']));
    for (const b of p.buckets ?? []) add('storage.googleapis.com/Bucket', `//storage.googleapis.com/${String(b.meta['name'])}`, String(b.meta['location']).toLowerCase(), (b.meta['labels'] as Json) ?? {});
    for (const s of p.sqlInstances ?? []) add('sqladmin.googleapis.com/Instance', `//cloudsql.googleapis.com/projects/${p.id}/instances/${String(s['name'])}`, String(s['region']));
    for (const sa of p.serviceAccounts ?? []) add('iam.googleapis.com/ServiceAccount', `//iam.googleapis.com/projects/${p.id}/serviceAccounts/${sa.email}`, 'global');
    for (const ring of p.keyRings ?? []) {
      add('cloudkms.googleapis.com/KeyRing', `//cloudkms.googleapis.com/projects/${p.id}/locations/${ring.location}/keyRings/${ring.name}`, ring.location);
      for (const k of ring.keys) add('cloudkms.googleapis.com/CryptoKey', `//cloudkms.googleapis.com/projects/${p.id}/locations/${ring.location}/keyRings/${ring.name}/cryptoKeys/${String(k['name'])}`, ring.location);
    }
    for (const a of p.assets ?? []) add(a.assetType, listedName(a), a.location, (a.data['labels'] as Json) ?? {});
  }
  return out;
}

function caiPolicies(org: FakeOrg, scope: string): Json[] {
  const out: Json[] = scope === `organizations/${org.orgId}` ? [{ resource: `//cloudresourcemanager.googleapis.com/${scope}`, assetType: 'cloudresourcemanager.googleapis.com/Organization', project: '', policy: org.orgPolicy ?? { bindings: [] } }] : [];
  for (const p of org.projects.filter((x) => under(org, x, scope))) {
    out.push({ resource: `//cloudresourcemanager.googleapis.com/projects/${p.id}`, assetType: 'cloudresourcemanager.googleapis.com/Project', project: `projects/${p.number}`, policy: { bindings: (p.policy?.['bindings'] as Json[]) ?? [] } });
    for (const b of p.buckets ?? []) out.push({ resource: `//storage.googleapis.com/${String(b.meta['name'])}`, assetType: 'storage.googleapis.com/Bucket', project: `projects/${p.number}`, policy: b.policy });
    out.push(...listedPolicies(p));
  }
  return out;
}

/** Register every route of the emulated organisation on `fake`. */
export function installOrg(fake: GcpFake, org: FakeOrg): void {
  const size = org.pageSize;
  const byId = new Map(org.projects.map((p) => [p.id, p]));
  const throttled = new Map<string, number>();
  const guard = (req: FakeRequest, api: NonNullable<FakeProject['disabled']>[number], projectId: string, answer: () => FakeResponse): FakeResponse => {
    const p = byId.get(projectId);
    if (!p) return { status: 404, body: { error: { code: 404, message: `project ${projectId} not found`, status: 'NOT_FOUND' } } };
    if (org.throttle && req.path.includes(org.throttle.pathIncludes)) {
      const n = throttled.get(req.path + req.query.toString()) ?? 0;
      if (n < org.throttle.times) {
        throttled.set(req.path + req.query.toString(), n + 1);
        return rateLimited(`${api}.googleapis.com`);
      }
    }
    if (p.denied || p.deniedApis?.includes(api)) return permissionDenied(`${api}.resources.list`, `projects/${projectId}`);
    if (p.disabled?.includes(api)) return serviceDisabled(`${api}.googleapis.com`, p.number);
    return answer();
  };

  // Resource Manager v3
  const projectJson = (p: FakeProject) => ({ name: `projects/${p.number}`, projectId: p.id, parent: p.parent, state: 'ACTIVE', displayName: p.displayName ?? p.id, ...(p.labels ? { labels: p.labels } : {}) });
  fake.route('GET', '/v3/projects', (req) => paged(req, 'projects', org.projects.filter((p) => p.parent === req.query.get('parent')).map(projectJson), size));
  fake.route('GET', '/v3/folders', (req) => paged(req, 'folders', org.folders.filter((f) => f.parent === req.query.get('parent')).map((f) => ({ ...f, state: 'ACTIVE' })), size));
  fake.route('GET', /^\/v3\/projects\/(?<id>[^/:]+)$/, (req) => {
    const p = byId.get(req.params['id'] ?? '');
    return p ? { body: projectJson(p) } : permissionDenied('resourcemanager.projects.get', `projects/${req.params['id']}`);
  });
  fake.route('GET', /^\/v3\/(?<folder>folders\/[^/:]+)$/, (req) => {
    const f = org.folders.find((x) => x.name === req.params['folder']);
    return f ? { body: { ...f, state: 'ACTIVE' } } : permissionDenied('resourcemanager.folders.get', req.params['folder'] ?? '');
  });
  fake.route('POST', /^\/v3\/projects\/(?<id>[^/:]+):getIamPolicy$/, (req) =>
    guard(req, 'iam', req.params['id'] ?? '', () => ({ body: { version: 3, ...byId.get(req.params['id'] ?? '')?.policy } })),
  );
  fake.route('POST', /^\/v3\/organizations\/(?<id>[^/:]+):getIamPolicy$/, () => ({ body: { version: 3, ...org.orgPolicy } }));
  fake.route('POST', /^\/v3\/(?<folder>folders\/[^/:]+):getIamPolicy$/, (req) => ({ body: { version: 3, ...org.folderPolicies?.[req.params['folder'] ?? ''] } }));

  // Cloud Asset Inventory
  fake.route('GET', /^\/v1\/(?<scope>(organizations|folders)\/[^/:]+):searchAllResources$/, (req) => {
    if (org.cai === 'disabled') return serviceDisabled('cloudasset.googleapis.com', '999');
    const types = req.query.getAll('assetTypes');
    return paged(req, 'results', caiResources(org, req.params['scope'] ?? '').filter((r) => types.length === 0 || types.includes(String(r['assetType']))), 500);
  });
  fake.route('GET', /^\/v1\/(?<scope>(organizations|folders)\/[^/:]+):searchAllIamPolicies$/, (req) =>
    org.cai === 'disabled' ? serviceDisabled('cloudasset.googleapis.com', '999') : paged(req, 'results', caiPolicies(org, req.params['scope'] ?? ''), 500),
  );

  installListedAssets(fake, org.projects, org.containerAssets ?? {}, size);

  // Compute
  const compute = (path: string, field: string, pick: (p: FakeProject) => Json[] | undefined, aggregated: boolean) =>
    fake.route('GET', new RegExp(`^/compute/v1/projects/(?<id>[^/]+)/${path}$`), (req) =>
      guard(req, 'compute', req.params['id'] ?? '', () => {
        const items = pick(byId.get(req.params['id'] ?? '')!) ?? [];
        return aggregated ? aggregatedPage(req, field, items, size) : paged(req, 'items', items, size);
      }),
    );
  fake.route('GET', /^\/compute\/v1\/projects\/(?<id>[^/]+)$/, (req) =>
    guard(req, 'compute', req.params['id'] ?? '', () => {
      const p = byId.get(req.params['id'] ?? '')!;
      return { body: { name: p.id, commonInstanceMetadata: { items: Object.entries(p.computeMetadata ?? {}).map(([key, value]) => ({ key, value })) } } };
    }),
  );
  compute('global/firewalls', 'items', (p) => p.firewalls, false);
  compute('global/networks', 'items', (p) => p.networks, false);
  compute('global/snapshots', 'items', (p) => p.snapshots, false);
  compute('aggregated/instances', 'instances', (p) => p.instances, true);
  compute('aggregated/disks', 'disks', (p) => p.disks, true);
  compute('aggregated/subnetworks', 'subnetworks', (p) => p.subnetworks, true);
  compute('aggregated/resourcePolicies', 'resourcePolicies', (p) => p.resourcePolicies, true);

  // Cloud Storage JSON API
  fake.route('GET', '/storage/v1/b', (req) =>
    guard(req, 'storage', req.query.get('project') ?? '', () => {
      const start = Number(req.query.get('pageToken') ?? '0');
      const all = (byId.get(req.query.get('project') ?? '')?.buckets ?? []).map((b) => ({ kind: 'storage#bucket', id: b.meta['name'], ...b.meta }));
      const next = start + size < all.length ? String(start + size) : undefined;
      return { body: { kind: 'storage#buckets', items: all.slice(start, start + size), ...(next ? { nextPageToken: next } : {}) } };
    }),
  );
  fake.route('GET', /^\/storage\/v1\/b\/(?<bucket>[^/]+)\/iam$/, (req) => {
    const owner = org.projects.find((p) => p.buckets?.some((b) => b.meta['name'] === req.params['bucket']));
    if (!owner) return { status: 404, body: { error: { code: 404, message: 'bucket not found', errors: [{ reason: 'notFound' }] } } };
    return guard(req, 'storage', owner.id, () => ({ body: { kind: 'storage#policy', version: 3, ...owner.buckets!.find((b) => b.meta['name'] === req.params['bucket'])!.policy } }));
  });

  // Cloud SQL Admin v1beta4
  fake.route('GET', /^\/sql\/v1beta4\/projects\/(?<id>[^/]+)\/instances$/, (req) =>
    guard(req, 'sqladmin', req.params['id'] ?? '', () => paged(req, 'items', byId.get(req.params['id'] ?? '')?.sqlInstances ?? [], size)),
  );

  // IAM
  fake.route('GET', /^\/v1\/projects\/(?<id>[^/]+)\/serviceAccounts$/, (req) =>
    guard(req, 'iam', req.params['id'] ?? '', () =>
      paged(req, 'accounts', (byId.get(req.params['id'] ?? '')?.serviceAccounts ?? []).map((a, i) => ({ email: a.email, uniqueId: `10${i}`, name: `projects/${req.params['id']}/serviceAccounts/${a.email}` })), size),
    ),
  );
  fake.route('GET', /^\/v1\/projects\/(?<id>[^/]+)\/serviceAccounts\/(?<email>[^/]+)\/keys$/, (req) =>
    guard(req, 'iam', req.params['id'] ?? '', () => {
      const keys = byId.get(req.params['id'] ?? '')?.serviceAccounts?.find((a) => a.email === req.params['email'])?.keys ?? [];
      const types = req.query.getAll('keyTypes');
      return { body: { keys: keys.filter((k) => types.length === 0 || types.includes(String(k['keyType']))) } };
    }),
  );

  // Cloud KMS
  fake.route('GET', /^\/v1\/projects\/(?<id>[^/]+)\/locations$/, (req) =>
    guard(req, 'kms', req.params['id'] ?? '', () => ({ body: { locations: KMS_LOCATIONS.map((l) => ({ name: `projects/${req.params['id']}/locations/${l}`, locationId: l })) } })),
  );
  fake.route('GET', /^\/v1\/projects\/(?<id>[^/]+)\/locations\/(?<loc>[^/]+)\/keyRings$/, (req) =>
    guard(req, 'kms', req.params['id'] ?? '', () =>
      paged(req, 'keyRings', (byId.get(req.params['id'] ?? '')?.keyRings ?? []).filter((r) => r.location === req.params['loc']).map((r) => ({ name: `projects/${req.params['id']}/locations/${r.location}/keyRings/${r.name}` })), size),
    ),
  );
  fake.route('GET', /^\/v1\/projects\/(?<id>[^/]+)\/locations\/(?<loc>[^/]+)\/keyRings\/(?<ring>[^/]+)\/cryptoKeys$/, (req) =>
    guard(req, 'kms', req.params['id'] ?? '', () => {
      const ring = byId.get(req.params['id'] ?? '')?.keyRings?.find((r) => r.name === req.params['ring'] && r.location === req.params['loc']);
      const prefix = `projects/${req.params['id']}/locations/${req.params['loc']}/keyRings/${req.params['ring']}/cryptoKeys/`;
      return paged(req, 'cryptoKeys', (ring?.keys ?? []).map((k) => ({ ...k, name: prefix + String(k['name']) })), size);
    }),
  );

  // Logging v2
  fake.route('GET', /^\/v2\/projects\/(?<id>[^/]+)\/sinks$/, (req) =>
    guard(req, 'logging', req.params['id'] ?? '', () => paged(req, 'sinks', byId.get(req.params['id'] ?? '')?.sinks ?? [], size)),
  );
  fake.route('GET', /^\/v2\/organizations\/[^/]+\/sinks$/, (req) => paged(req, 'sinks', org.orgSinks ?? [], size));
  fake.route('GET', /^\/v2\/(?<folder>folders\/[^/]+)\/sinks$/, (req) => paged(req, 'sinks', org.folderSinks?.[req.params['folder'] ?? ''] ?? [], size));

  // Admin SDK Directory
  fake.route('GET', '/admin/directory/v1/users', (req) => paged(req, 'users', org.users ?? [], size));
}

import picomatch from 'picomatch';
import { collectionError, type CollectionError } from '../../src/core/observed.js';
import type { Scope } from '../../src/core/resource.js';
import { GLOBAL_REGION } from '../../src/core/resource.js';
import { inShard } from '../../src/core/shard.js';
import type { GcpConfig } from './config.js';
import type { GcpCaller } from './collect/call.js';
import type { GcpClients } from './collect/clients.js';
import { classifyGcpError } from './collect/errors.js';
import { ASSET_TYPES, labelsOf } from './collect/normalise.js';

export interface DiscoveredProject {
  readonly projectId: string;
  readonly projectNumber: string;
  readonly displayName: string;
  readonly parent: string | null;
  readonly state: string;
  /** The project's own labels, as the project listing carries them. */
  readonly labels: Readonly<Record<string, string>>;
}

/** Cloud Asset Inventory results, grouped by project number. */
export interface AssetIndex {
  /** The organisation or folders searched. */
  readonly scopes: readonly string[];
  readonly resources: ReadonlyMap<string, readonly CaiResource[]>;
  readonly policies: ReadonlyMap<string, readonly CaiPolicy[]>;
  /** Policies on the organisation and folders themselves. */
  readonly containerPolicies: readonly CaiPolicy[];
}

export interface CaiResource {
  readonly name: string;
  readonly assetType: string;
  readonly location: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly displayName: string;
}

export interface CaiPolicy {
  readonly resource: string;
  readonly assetType: string;
  readonly bindings: readonly { role: string; members: string[]; condition: string | null }[];
}

export interface DiscoveryOutcome {
  readonly projects: readonly DiscoveredProject[];
  readonly failures: { scope: Scope; error: CollectionError }[];
  /** `organizations/123` when known (configured, or the root of a discovered ancestry). */
  readonly organization: string | null;
  readonly folders: ReadonlyMap<string, string | null>;
  readonly assets: AssetIndex | null;
  readonly assetFailure: CollectionError | null;
}

type Json = Record<string, unknown>;

const normaliseName = (prefix: 'organizations' | 'folders', value: string): string => (value.includes('/') ? value : `${prefix}/${value}`);
const isActive = (state: unknown): boolean => state === 'ACTIVE' || state === 1;

const scopeOf = (account: string): Scope => ({ provider: 'gcp', account, region: GLOBAL_REGION });

/** Resource Manager and Cloud Asset discovery of the projects to scan. */
export class Discovery {
  /** Folder name -> its parent (folder or organisation), for ancestry. */
  readonly folderParents = new Map<string, string | null>();
  private readonly failures: { scope: Scope; error: CollectionError }[] = [];

  constructor(
    private readonly config: GcpConfig,
    private readonly clients: GcpClients,
    private readonly caller: GcpCaller,
    private readonly timeoutMs: number,
  ) {}

  async run(shard: { index: number; count: number } | undefined): Promise<DiscoveryOutcome> {
    const include = this.config.includeProjects?.map((g) => picomatch(g));
    const exclude = this.config.excludeProjects.map((g) => picomatch(g));
    const wanted = (projectId: string): boolean =>
      (!include || include.some((m) => m(projectId))) && !exclude.some((m) => m(projectId)) && inShard(projectId, shard);
    // With a configured organisation or folders the CAI scope is known up front: search while walking.
    const scopes = this.assetScopes(this.config.organization ? normaliseName('organizations', this.config.organization) : null);
    const search = this.config.assetInventory === 'auto' && scopes.length > 0
      ? this.searchAssets(scopes).then(
          (index): { index: AssetIndex | null; failure: CollectionError | null } => ({ index, failure: null }),
          (e: unknown) => ({ index: null, failure: classifyGcpError(e, 'cloudasset.assets.searchAllResources') }),
        )
      : Promise.resolve({ index: null, failure: null });
    const found = await this.findProjects(wanted);
    const projects = found
      .filter((p) => isActive(p.state) && wanted(p.projectId))
      .sort((a, b) => a.projectId.localeCompare(b.projectId));
    // A project the user named but that is being deleted (or gone) is said, not skipped.
    if (this.config.projects) {
      for (const p of found.filter((x) => !isActive(x.state))) {
        this.failures.push({ scope: scopeOf(p.projectId), error: collectionError('NOT_ENABLED', 'resourcemanager.projects.get', `project is ${String(p.state)}`, { provider: 'gcp', account: p.projectId }) });
      }
    }
    if (found.length === 0 && this.failures.length === 0) {
      // Seeing nothing proves nothing: an identity without any grant must not scan "clean".
      // A scope of its own ("projects"), apart from the organisation target that still reads org-wide facts.
      this.failures.push({ scope: scopeOf('projects'), error: collectionError('NOT_FOUND', 'resourcemanager.projects.list', 'the identity can see no project: bind the dutyscan reader role at the organisation, folders or projects', { provider: 'gcp' }) });
    }
    const failures = this.failures.filter((f) => inShard(f.scope.account, shard));
    if (!this.config.organization || this.config.projects) await this.resolveAncestors(projects);
    const organization = this.config.organization ? normaliseName('organizations', this.config.organization) : this.rootOrganization(projects);
    const { index: assets, failure: assetFailure } = await search;
    return { projects, failures, organization, folders: this.folderParents, assets, assetFailure };
  }

  private get opts() {
    return { autoPaginate: false, timeout: this.timeoutMs } as const;
  }

  private async findProjects(wanted: (projectId: string) => boolean): Promise<DiscoveredProject[]> {
    if (this.config.projects) {
      const out = await Promise.all(this.config.projects.filter(wanted).map((id) => this.getProject(id)));
      return out.filter((p): p is DiscoveredProject => p !== null);
    }
    const roots = [
      ...(this.config.organization ? [normaliseName('organizations', this.config.organization)] : []),
      ...(this.config.folders ?? []).map((f) => normaliseName('folders', f)),
    ];
    if (roots.length === 0) return this.searchProjects();
    const seen = new Map<string, DiscoveredProject>();
    await Promise.all(roots.map((root) => this.walk(root, seen)));
    return [...seen.values()];
  }

  /** Every project under `container`, through its folders recursively. */
  private async walk(container: string, into: Map<string, DiscoveredProject>): Promise<void> {
    const [projects, folders] = await Promise.all([
      this.list('resourcemanager.projects.list', container, (token) =>
        this.clients.projects.listProjects({ parent: container, pageSize: 500, ...(token ? { pageToken: token } : {}) }, this.opts),
      ),
      this.list('resourcemanager.folders.list', container, (token) =>
        this.clients.folders.listFolders({ parent: container, pageSize: 500, ...(token ? { pageToken: token } : {}) }, this.opts),
      ),
    ]);
    for (const p of projects ?? []) {
      const project = toProject(p);
      into.set(project.projectId, project);
    }
    const children = (folders ?? []).filter((f) => isActive(f['state'])).map((f) => String(f['name']));
    for (const child of children) this.folderParents.set(child, container);
    await Promise.all(children.map((child) => this.walk(child, into)));
  }

  /** A paged Resource Manager list; a container we may not list is a failure of its own. */
  private async list(
    operation: string,
    container: string,
    fetch: (token: string | undefined) => Promise<[Json[] | unknown[], { pageToken?: string | null } | null | undefined, unknown]>,
  ): Promise<Json[] | null> {
    try {
      return await this.caller.pages({ service: 'resourcemanager', operation, account: container }, async (token) => {
        const [items, next] = await fetch(token);
        return { items: items as Json[], next: next?.pageToken ?? null };
      });
    } catch (e) {
      this.failures.push({ scope: scopeOf(container), error: classifyGcpError(e, operation, { account: container }) });
      return null;
    }
  }

  private async searchProjects(): Promise<DiscoveredProject[]> {
    const found = await this.list('resourcemanager.projects.search', 'projects', (token) =>
      this.clients.projects.searchProjects({ query: 'state:ACTIVE', pageSize: 500, ...(token ? { pageToken: token } : {}) }, this.opts),
    );
    return (found ?? []).map(toProject);
  }

  private async getProject(projectId: string): Promise<DiscoveredProject | null> {
    try {
      const [project] = await this.caller.call({ service: 'resourcemanager', operation: 'resourcemanager.projects.get', account: projectId }, () =>
        this.clients.projects.getProject({ name: `projects/${projectId}` }, { timeout: this.timeoutMs }),
      );
      return toProject(project as Json);
    } catch (e) {
      this.failures.push({ scope: scopeOf(projectId), error: classifyGcpError(e, 'resourcemanager.projects.get', { account: projectId }) });
      return null;
    }
  }

  /** The parent chain of a folder, fetched once per folder that discovery did not walk. */
  private readonly folderLookups = new Map<string, Promise<string | null>>();
  async parentOfFolder(folder: string): Promise<string | null> {
    if (this.folderParents.has(folder)) return this.folderParents.get(folder) ?? null;
    let lookup = this.folderLookups.get(folder);
    if (!lookup) {
      lookup = this.caller
        .call({ service: 'resourcemanager', operation: 'resourcemanager.folders.get', account: folder }, () =>
          this.clients.folders.getFolder({ name: folder }, { timeout: this.timeoutMs }),
        )
        .then(([f]) => {
          const parent = String((f as Json)['parent'] ?? '') || null;
          this.folderParents.set(folder, parent);
          return parent;
        });
      this.folderLookups.set(folder, lookup);
    }
    return lookup;
  }

  /** Walk the folders above the projects (once per folder), so inheritance and the organisation are known. */
  private async resolveAncestors(projects: readonly DiscoveredProject[]): Promise<void> {
    const starts = new Set(projects.map((p) => p.parent).filter((p): p is string => p?.startsWith('folders/') === true));
    await Promise.all([...starts].map(async (folder) => {
      let node: string | null = folder;
      for (let depth = 0; node?.startsWith('folders/') && depth < 12; depth++) {
        try {
          node = await this.parentOfFolder(node);
        } catch {
          return; // the collector reports an unreadable ancestry on the projects it affects
        }
      }
    }));
  }

  private rootOrganization(projects: readonly DiscoveredProject[]): string | null {
    for (const p of projects) {
      let node = p.parent;
      for (let depth = 0; node && depth < 12; depth++) {
        if (node.startsWith('organizations/')) return node;
        node = this.folderParents.get(node) ?? null;
      }
    }
    return null;
  }

  private assetScopes(organization: string | null): string[] {
    if (organization) return [organization];
    return (this.config.folders ?? []).map((f) => normaliseName('folders', f));
  }

  /**
   * Cloud Asset Inventory over the scopes: the IAM policy search and one resource search per asset
   * type. Page tokens make each search sequential, so the types run in parallel and the critical
   * path is the largest type's pages; calls stay O(pages + types), not O(projects). The first
   * type (with the policy search) probes the API, so a refused CAI costs two calls, not one per type.
   */
  private async searchAssets(scopes: readonly string[]): Promise<AssetIndex> {
    const resources = new Map<string, CaiResource[]>();
    const policies = new Map<string, CaiPolicy[]>();
    const containerPolicies: CaiPolicy[] = [];
    const [probe, ...rest] = Object.keys(ASSET_TYPES);
    const searchType = (scope: string, assetType: string) =>
      this.caller
        .pages({ service: 'asset', operation: 'cloudasset.assets.searchAllResources', account: scope }, async (token) => {
          const [items, next] = await this.clients.asset.searchAllResources(
            { scope, assetTypes: [assetType], pageSize: 500, readMask: { paths: ['name', 'asset_type', 'project', 'location', 'labels'] }, ...(token ? { pageToken: token } : {}) },
            this.opts,
          );
          return { items: items as Json[], next: next?.pageToken ?? null };
        })
        .then((items) => {
          for (const r of items) {
            const key = String(r['project'] ?? '');
            const list = resources.get(key) ?? [];
            list.push({
              name: String(r['name'] ?? ''),
              assetType: String(r['assetType'] ?? ''),
              location: String(r['location'] ?? ''),
              labels: labelsOf(r['labels']),
              displayName: String(r['displayName'] ?? ''),
            });
            resources.set(key, list);
          }
        });
    const searchPolicies = (scope: string) =>
      this.caller
        .pages({ service: 'asset', operation: 'cloudasset.assets.searchAllIamPolicies', account: scope }, async (token) => {
          const [items, next] = await this.clients.asset.searchAllIamPolicies({ scope, pageSize: 500, ...(token ? { pageToken: token } : {}) }, this.opts);
          return { items: items as Json[], next: next?.pageToken ?? null };
        })
        .then((items) => {
          for (const p of items) {
            const policy: CaiPolicy = {
              resource: String(p['resource'] ?? ''),
              assetType: String(p['assetType'] ?? ''),
              bindings: ((p['policy'] as Json | undefined)?.['bindings'] as Json[] | undefined ?? []).map((b) => ({
                role: String(b['role'] ?? ''),
                members: ((b['members'] as string[] | undefined) ?? []).map(String),
                condition: b['condition'] ? String((b['condition'] as Json)['expression'] ?? '') || null : null,
              })),
            };
            const key = String(p['project'] ?? '');
            if (key === '') {
              containerPolicies.push(policy);
            } else {
              const list = policies.get(key) ?? [];
              list.push(policy);
              policies.set(key, list);
            }
          }
        });
    await Promise.all(scopes.map(async (scope) => {
      const first = probe ? searchType(scope, probe) : Promise.resolve();
      const policyRun = searchPolicies(scope);
      // Its failure is awaited below (or superseded by the probe's): never an unhandled rejection.
      policyRun.catch(() => undefined);
      // Policies keep paging while the other types start once the probe answered.
      await first;
      await Promise.all([policyRun, ...rest.map((t) => searchType(scope, t))]);
    }));
    return { scopes, resources, policies, containerPolicies };
  }
}

function toProject(p: Json): DiscoveredProject {
  return {
    projectId: String(p['projectId'] ?? ''),
    projectNumber: String(p['name'] ?? '').replace(/^projects\//, ''),
    displayName: String(p['displayName'] ?? ''),
    parent: String(p['parent'] ?? '') || null,
    state: String(p['state'] ?? ''),
    labels: labelsOf(p['labels']),
  };
}

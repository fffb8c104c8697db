import { GcpFake, gcpError, paged, permissionDenied, serviceDisabled, type FakeResponse } from './server.js';

type Json = Record<string, unknown>;

/** One asset that Cloud Asset Inventory's ListAssets carries with its resource data (GKE, BigQuery, Pub/Sub, Run, Functions, API keys, contacts). */
export interface FakeAsset {
  readonly assetType: string;
  /** Path after the service host, e.g. `projects/p/locations/europe-west1/clusters/c`. */
  readonly path: string;
  readonly location: string;
  /** The owning API's REST resource. */
  readonly data: Json;
  readonly policy?: Json;
}

/** What the ListAssets fake needs of a project or container. */
export interface ListedScope {
  readonly id: string;
  readonly number: string;
  readonly assets?: readonly FakeAsset[];
  readonly denied?: boolean;
  readonly disabled?: readonly string[];
}

const CONTENT_TYPES: Readonly<Record<string, 'RESOURCE' | 'IAM_POLICY'>> = { RESOURCE: 'RESOURCE', '1': 'RESOURCE', IAM_POLICY: 'IAM_POLICY', '2': 'IAM_POLICY' };

const host = (assetType: string) => assetType.slice(0, assetType.indexOf('/'));
export const listedName = (a: FakeAsset): string => `//${host(a.assetType)}/${a.path}`;

/** The IAM policies of the listed assets, as searchAllIamPolicies answers them. */
export function listedPolicies(project: ListedScope): Json[] {
  return (project.assets ?? []).filter((a) => a.policy).map((a) => ({ resource: listedName(a), assetType: a.assetType, project: `projects/${project.number}`, policy: a.policy }));
}

/**
 * `GET /v1/{parent}/assets`: a project's assets, or a folder's or the organisation's own (contacts
 * set on it), in the content type asked for, filtered by asset type and paged.
 */
export function installListedAssets(fake: GcpFake, projects: readonly ListedScope[], containers: Readonly<Record<string, readonly FakeAsset[]>>, pageSize: number): void {
  fake.route('GET', /^\/v1\/(?<kind>projects|folders|organizations)\/(?<id>[^/]+)\/assets$/, (req): FakeResponse => {
    const parent = `${req.params['kind']}/${req.params['id']}`;
    const project = req.params['kind'] === 'projects' ? projects.find((p) => p.id === req.params['id'] || p.number === req.params['id']) : undefined;
    if (req.params['kind'] === 'projects') {
      if (!project) return permissionDenied('cloudasset.assets.listResource', parent);
      if (project.denied) return permissionDenied(`cloudasset.assets.list${CONTENT_TYPES[req.query.get('contentType') ?? ''] === 'IAM_POLICY' ? 'IamPolicy' : 'Resource'}`, parent);
      if (project.disabled?.includes('cloudasset')) return serviceDisabled('cloudasset.googleapis.com', project.number);
    }
    // gax sends enums as numbers (`$alt=json;enum-encoding=int`); other clients by name.
    const contentType = CONTENT_TYPES[req.query.get('contentType') ?? ''];
    if (!contentType) return gcpError(400, 'INVALID_ARGUMENT', `unexpected contentType ${String(req.query.get('contentType'))}`);
    const types = req.query.getAll('assetTypes');
    const assets = (project ? project.assets ?? [] : containers[parent] ?? []).filter((a) => types.length === 0 || types.includes(a.assetType));
    const parentName = `//cloudresourcemanager.googleapis.com/${project ? `projects/${project.number}` : parent}`;
    const answer: Json[] = contentType === 'RESOURCE'
      ? assets.map((a) => ({ name: listedName(a), assetType: a.assetType, resource: { version: 'v1', parent: parentName, location: a.location, data: a.data } }))
      : assets.filter((a) => a.policy).map((a) => ({ name: listedName(a), assetType: a.assetType, iamPolicy: a.policy }));
    return paged(req, 'assets', answer, pageSize);
  });
}

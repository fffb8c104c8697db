import type { Listing } from '../../../src/core/inventory.js';
import { GLOBAL_REGION, type Resource, type ResourceType } from '../../../src/core/resource.js';
import { failedListing, listing, resource } from '../../../src/inventory/build.js';
import type { CollectionError } from '../../../src/core/observed.js';
import { caiResources, regionOf, where, type ProjectContext } from './context.js';
import { lastSegment, toAsset } from './normalise.js';

/** The assets of one collected type, or the failure that leaves that type unread. */
interface TypeView {
  readonly assetType: string;
  assets(ctx: ProjectContext): Promise<Resource<'gcp.asset'>[] | CollectionError>;
}

/** `location` is where the API states it: a zone for zonal resources, else the resource's region. */
function assetsOf<T extends ResourceType>(type: T, assetType: string, location: (r: Resource<T>) => string = (r) => r.region): TypeView {
  return {
    assetType,
    async assets(ctx) {
      const items = await ctx.listing(type);
      // A disabled API holds no resources; any other failure leaves this type unread.
      if (!items.ok) return items.error.code === 'NOT_ENABLED' ? [] : items.error;
      return items.value.map((r) =>
        resource('gcp.asset', where(ctx, r.region), { id: r.id, name: r.name, tags: r.tags, data: toAsset(assetType, location(r), r.tags) }));
    },
  };
}

/** The types the per-service view of the assets is built from. */
const VIEWS: readonly TypeView[] = [
  assetsOf('gcp.compute.instance', 'compute.googleapis.com/Instance', (r) => r.data.zone || r.region),
  assetsOf('gcp.compute.disk', 'compute.googleapis.com/Disk', (r) => r.data.location || r.region),
  assetsOf('gcp.compute.firewall', 'compute.googleapis.com/Firewall'),
  assetsOf('gcp.compute.network', 'compute.googleapis.com/Network'),
  assetsOf('gcp.compute.subnetwork', 'compute.googleapis.com/Subnetwork'),
  assetsOf('gcp.storage.bucket', 'storage.googleapis.com/Bucket', (r) => r.data.location || r.region),
  assetsOf('gcp.sql.instance', 'sqladmin.googleapis.com/Instance'),
  assetsOf('gcp.kms.crypto-key', 'cloudkms.googleapis.com/CryptoKey'),
  assetsOf('gcp.iam.service-account', 'iam.googleapis.com/ServiceAccount'),
];

export const PROJECT_ASSET_TYPE = 'cloudresourcemanager.googleapis.com/Project';

/** The project itself, labels included: discovery's project listing already carries them. */
function projectAsset(ctx: ProjectContext): Resource<'gcp.asset'> {
  const { project } = ctx;
  return resource('gcp.asset', where(ctx, GLOBAL_REGION), {
    id: `//cloudresourcemanager.googleapis.com/projects/${project.projectNumber}`,
    name: project.projectId,
    tags: { ...project.labels },
    data: { assetType: PROJECT_ASSET_TYPE, resourceType: 'gcp.project', location: GLOBAL_REGION, labels: project.labels, labelable: true },
  });
}

/**
 * The `asset` task: locations and labels of every resource (the project included), from CAI's index
 * or built from the service listings. A type that could not be read is an ERROR for that type in the
 * project alone (scope part `assetTypes/<type>`): every type read is still judged.
 */
export async function assetListings(ctx: ProjectContext): Promise<Listing[]> {
  const { scope } = ctx;
  const out: Resource<'gcp.asset'>[] = [projectAsset(ctx)];
  const cai = caiResources(ctx);
  if (cai) {
    out.push(...cai.map((r) =>
      resource('gcp.asset', where(ctx, regionOf(r.location) || GLOBAL_REGION), { id: r.name, name: lastSegment(r.name), tags: r.labels, data: toAsset(r.assetType, r.location || GLOBAL_REGION, r.labels) })));
    return [listing(scope, 'gcp.asset', out)];
  }
  const unread: Listing[] = [];
  for (const view of VIEWS) {
    const assets = await view.assets(ctx);
    if (Array.isArray(assets)) out.push(...assets);
    else unread.push(failedListing({ ...scope, part: `assetTypes/${view.assetType}` }, 'gcp.asset', assets));
  }
  return [listing(scope, 'gcp.asset', out), ...unread];
}

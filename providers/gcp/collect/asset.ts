import type { Listing } from '../../../src/core/inventory.js';
import { GLOBAL_REGION, type Resource, type ResourceType } from '../../../src/core/resource.js';
import { failedListing, listing, resource } from '../../../src/inventory/build.js';
import type { CollectionError } from '../../../src/core/observed.js';
import { caiResources, regionOf, where, type ProjectContext } from './context.js';
import { lastSegment, toAsset } from './normalise.js';

type AssetsOf = (ctx: ProjectContext) => Promise<Resource<'gcp.asset'>[] | CollectionError>;

/**
 * The assets of one collected type, or the failure that leaves the view incomplete. `location` is
 * where the API states it: a zone for zonal resources, else the resource's region.
 */
function assetsOf<T extends ResourceType>(type: T, assetType: string, location: (r: Resource<T>) => string = (r) => r.region): AssetsOf {
  return async (ctx) => {
    const items = await ctx.listing(type);
    // A disabled API holds no resources; any other failure leaves the view incomplete.
    if (!items.ok) return items.error.code === 'NOT_ENABLED' ? [] : items.error;
    return items.value.map((r) =>
      resource('gcp.asset', where(ctx, r.region), { id: r.id, name: r.name, tags: r.tags, data: toAsset(assetType, location(r), r.tags) }));
  };
}

/** The types the per-service view of the assets is built from. */
const VIEWS: readonly AssetsOf[] = [
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

/** The `asset` task: locations and labels of every resource, from CAI's index or built from the service listings. */
export async function assetListing(ctx: ProjectContext): Promise<Listing> {
  const { scope } = ctx;
  const cai = caiResources(ctx);
  if (cai) {
    return listing(scope, 'gcp.asset', cai.map((r) =>
      resource('gcp.asset', where(ctx, regionOf(r.location) || GLOBAL_REGION), { id: r.name, name: lastSegment(r.name), tags: r.labels, data: toAsset(r.assetType, r.location || GLOBAL_REGION, r.labels) }),
    ));
  }
  const out: Resource<'gcp.asset'>[] = [];
  for (const view of VIEWS) {
    const assets = await view(ctx);
    if (!Array.isArray(assets)) return failedListing(scope, 'gcp.asset', assets);
    out.push(...assets);
  }
  return listing(scope, 'gcp.asset', out);
}

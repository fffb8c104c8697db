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

interface ViewOptions<T extends ResourceType> {
  /** Where the API states it: a zone for zonal resources; the resource's region when absent. */
  readonly location?: (r: Resource<T>) => string;
  /** The resources of the type that are of this asset type, when the type spans several. */
  readonly only?: (r: Resource<T>) => boolean;
  /**
   * Read through Cloud Asset Inventory's ListAssets: a disabled API there leaves the type unread,
   * where a disabled API of the service itself means it holds nothing.
   */
  readonly listed?: boolean;
}

function assetsOf<T extends ResourceType>(type: T, assetType: string, options: ViewOptions<T> = {}): TypeView {
  const { location = (r) => r.region, only = () => true, listed = false } = options;
  return {
    assetType,
    async assets(ctx) {
      const items = await ctx.listing(type);
      // A disabled API holds no resources; any other failure leaves this type unread.
      if (!items.ok) return items.error.code === 'NOT_ENABLED' && !listed ? [] : items.error;
      return items.value.filter(only).map((r) =>
        resource('gcp.asset', where(ctx, r.region), { id: r.id, name: r.name, tags: r.tags, data: toAsset(assetType, location(r), r.tags) }));
    },
  };
}

/** The types the per-service view of the assets is built from: every labelled type dutyscan reads. */
const VIEWS: readonly TypeView[] = [
  assetsOf('gcp.compute.instance', 'compute.googleapis.com/Instance', { location: (r) => r.data.zone || r.region }),
  assetsOf('gcp.compute.disk', 'compute.googleapis.com/Disk', { location: (r) => r.data.location || r.region }),
  assetsOf('gcp.compute.firewall', 'compute.googleapis.com/Firewall'),
  assetsOf('gcp.compute.network', 'compute.googleapis.com/Network'),
  assetsOf('gcp.compute.subnetwork', 'compute.googleapis.com/Subnetwork'),
  assetsOf('gcp.storage.bucket', 'storage.googleapis.com/Bucket', { location: (r) => r.data.location || r.region }),
  assetsOf('gcp.sql.instance', 'sqladmin.googleapis.com/Instance'),
  assetsOf('gcp.kms.crypto-key', 'cloudkms.googleapis.com/CryptoKey'),
  assetsOf('gcp.iam.service-account', 'iam.googleapis.com/ServiceAccount'),
  assetsOf('gcp.container.cluster', 'container.googleapis.com/Cluster', { listed: true, location: (r) => r.data.location || r.region }),
  assetsOf('gcp.bigquery.dataset', 'bigquery.googleapis.com/Dataset', { listed: true }),
  assetsOf('gcp.pubsub.topic', 'pubsub.googleapis.com/Topic', { listed: true }),
  assetsOf('gcp.run.service', 'run.googleapis.com/Service', { listed: true }),
  assetsOf('gcp.functions.function', 'cloudfunctions.googleapis.com/CloudFunction', { listed: true, only: (r) => r.data.generation === 1 }),
  assetsOf('gcp.functions.function', 'cloudfunctions.googleapis.com/Function', { listed: true, only: (r) => r.data.generation === 2 }),
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

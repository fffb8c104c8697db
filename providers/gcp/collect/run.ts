import { mapObserved } from '../../../src/core/observed.js';
import { resource } from '../../../src/inventory/build.js';
import { assetsWithBindings, obj, str } from './cai-list.js';
import { where, type TypeCollectors } from './context.js';
import { labelsOf, lastSegment } from './normalise.js';

/** The Run Admin API v2 spelling of ingress, as the v1 annotation spells it. */
const V2_INGRESS: Readonly<Record<string, string>> = {
  INGRESS_TRAFFIC_ALL: 'all',
  INGRESS_TRAFFIC_INTERNAL_ONLY: 'internal',
  INGRESS_TRAFFIC_INTERNAL_LOAD_BALANCER: 'internal-and-cloud-load-balancing',
};

/** Cloud Run services (v1 Knative form or v2), with their IAM policies, from Cloud Asset Inventory. */
export const run: TypeCollectors = {
  'gcp.run.service': async (ctx) => mapObserved(await assetsWithBindings(ctx, 'run.googleapis.com/Service'), (items) => items.map(({ asset, bindings }) => {
    const metadata = obj(asset.data['metadata']);
    const ingress = str(obj(metadata['annotations'])['run.googleapis.com/ingress']) || V2_INGRESS[str(asset.data['ingress'])] || 'all';
    return resource('gcp.run.service', where(ctx, asset.location), {
      id: asset.name,
      name: lastSegment(asset.name),
      tags: labelsOf(metadata['labels'] ?? asset.data['labels']),
      data: { ingress, iamBindings: bindings },
    });
  })),
};

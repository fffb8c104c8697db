import { GLOBAL_REGION } from '../../../src/core/resource.js';
import { mapObserved } from '../../../src/core/observed.js';
import { resource } from '../../../src/inventory/build.js';
import { assetsWithBindings, str } from './cai-list.js';
import { where, type TypeCollectors } from './context.js';
import { labelsOf, lastSegment } from './normalise.js';

/** Pub/Sub topics with their IAM policies, from Cloud Asset Inventory. */
export const pubsub: TypeCollectors = {
  'gcp.pubsub.topic': async (ctx) => mapObserved(await assetsWithBindings(ctx, 'pubsub.googleapis.com/Topic'), (items) => items.map(({ asset, bindings }) =>
    resource('gcp.pubsub.topic', where(ctx, GLOBAL_REGION), {
      id: asset.name,
      name: lastSegment(asset.name),
      tags: labelsOf(asset.data['labels']),
      data: { kmsKeyName: str(asset.data['kmsKeyName']) || null, iamBindings: bindings },
    }))),
};

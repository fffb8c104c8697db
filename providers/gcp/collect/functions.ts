import { mapObserved } from '../../../src/core/observed.js';
import { resource } from '../../../src/inventory/build.js';
import { assetsWithBindings, obj, str } from './cai-list.js';
import { where, type TypeCollectors } from './context.js';
import { labelsOf, lastSegment } from './normalise.js';

/** Cloud Functions of both generations, with their IAM policies, from Cloud Asset Inventory. */
export const functions: TypeCollectors = {
  'gcp.functions.function': async (ctx) =>
    mapObserved(await assetsWithBindings(ctx, 'cloudfunctions.googleapis.com/CloudFunction', 'cloudfunctions.googleapis.com/Function'), (items) => items.map(({ asset, bindings }) => {
      const f = asset.data;
      const generation = asset.assetType === 'cloudfunctions.googleapis.com/Function' ? 2 : 1;
      const https = f['httpsTrigger'] ? obj(f['httpsTrigger']) : null;
      return resource('gcp.functions.function', where(ctx, asset.location), {
        id: asset.name,
        name: lastSegment(asset.name),
        tags: labelsOf(f['labels']),
        data: {
          generation,
          ingressSettings: str(generation === 2 ? obj(f['serviceConfig'])['ingressSettings'] : f['ingressSettings']) || 'ALLOW_ALL',
          // 2nd gen functions serve HTTPS only.
          httpsSecurityLevel: generation === 1 && https ? str(https['securityLevel']) || 'SECURE_OPTIONAL' : null,
          httpTrigger: generation === 1 ? https !== null : !f['eventTrigger'],
          iamBindings: bindings,
        },
      });
    })),
};

import { GLOBAL_REGION } from '../../../src/core/resource.js';
import { mapObserved } from '../../../src/core/observed.js';
import { resource } from '../../../src/inventory/build.js';
import type { GcpApiKey } from '../model/apikeys.js';
import { arr, assetsOf, obj, str } from './cai-list.js';
import { where, type TypeCollectors } from './context.js';
import { isoTime, lastSegment } from './normalise.js';

const APPLICATION_RESTRICTIONS = [['browserKeyRestrictions', 'browser'], ['serverKeyRestrictions', 'server'], ['androidKeyRestrictions', 'android'], ['iosKeyRestrictions', 'ios']] as const;

/** API keys' metadata and restrictions (never the key string), from Cloud Asset Inventory. */
export const apikeys: TypeCollectors = {
  'gcp.apikeys.key': async (ctx) => mapObserved(await assetsOf(ctx, 'apikeys.googleapis.com/Key'), (assets) => assets.map((a) => {
    const restrictions = obj(a.data['restrictions']);
    const data: GcpApiKey = {
      displayName: str(a.data['displayName']),
      createTime: isoTime(a.data['createTime']),
      applicationRestriction: APPLICATION_RESTRICTIONS.find(([field]) => restrictions[field])?.[1] ?? null,
      apiTargets: arr(restrictions['apiTargets']).map((t) => str(t['service'])).filter((s) => s !== ''),
    };
    return resource('gcp.apikeys.key', where(ctx, GLOBAL_REGION), { id: a.name, name: data.displayName || lastSegment(a.name), data });
  })),
};

import { mapObserved } from '../../../src/core/observed.js';
import { resource } from '../../../src/inventory/build.js';
import { arr, assetsWithBindings, obj, str } from './cai-list.js';
import { where, type TypeCollectors } from './context.js';
import { labelsOf, lastSegment } from './normalise.js';

/** The grantee of a BigQuery access entry, spelled as IAM spells it where it is public. */
function accessMember(entry: Record<string, unknown>): string {
  const special = str(entry['specialGroup']);
  if (special === 'allAuthenticatedUsers') return 'allAuthenticatedUsers';
  if (special) return `specialGroup:${special}`;
  for (const [key, prefix] of [['iamMember', ''], ['userByEmail', 'user:'], ['groupByEmail', 'group:'], ['domain', 'domain:']] as const) {
    if (entry[key]) return `${prefix}${str(entry[key])}`;
  }
  if (entry['view']) return 'view';
  if (entry['routine']) return 'routine';
  return entry['dataset'] ? 'dataset' : '';
}

/** BigQuery datasets, with their access entries and IAM policy, from Cloud Asset Inventory. */
export const bigquery: TypeCollectors = {
  'gcp.bigquery.dataset': async (ctx) => mapObserved(await assetsWithBindings(ctx, 'bigquery.googleapis.com/Dataset'), (items) => items.map(({ asset, bindings }) => {
    const d = asset.data;
    const location = str(d['location']) || asset.location;
    return resource('gcp.bigquery.dataset', where(ctx, location.toLowerCase()), {
      id: asset.name,
      name: lastSegment(asset.name),
      tags: labelsOf(d['labels']),
      data: {
        location,
        defaultKmsKeyName: str(obj(d['defaultEncryptionConfiguration'])['kmsKeyName']) || null,
        access: arr(d['access']).map((e) => ({ role: str(e['role']), member: accessMember(e) })),
        iamBindings: bindings,
      },
    });
  })),
};

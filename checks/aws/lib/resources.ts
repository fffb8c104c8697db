import type { Observed } from '../../../src/core/observed.js';
import { seen } from '../../../src/core/observed.js';
import type { ResourceRef } from '../../../src/core/resource.js';

/**
 * A resource's tags as observed. Most AWS lists return tags with the resource (`Resource.tags`);
 * where tags need their own call (S3 `GetBucketTagging`) the model keeps a `tagging` fact, which
 * may be unknown.
 */
export function observedTags(r: ResourceRef & { readonly data: unknown }): Observed<Readonly<Record<string, string>>> {
  const data = r.data as { tagging?: Observed<Readonly<Record<string, string>>> } | null;
  return data && typeof data === 'object' && data.tagging !== undefined ? data.tagging : seen(r.tags);
}

import picomatch from 'picomatch';
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

/** Whether the resource's name or id matches one of the policy's `criticalResources` globs. */
export function isCritical(r: ResourceRef, globs: readonly string[]): boolean {
  if (globs.length === 0) return false;
  const match = picomatch([...globs], { dot: true });
  return match(r.name) || match(r.id);
}

/** Whether a resource type matches one of the globs (`aws.ec2.*`); absent globs match every type. */
export function typeMatches(type: string, globs: readonly string[] | undefined): boolean {
  return globs === undefined || globs.length === 0 || picomatch([...globs], { dot: true })(type);
}

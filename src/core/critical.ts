import picomatch from 'picomatch';

/**
 * The critical-resource family: `policy.criticalResources`, globs naming the resources that hold
 * critical data, matched one way everywhere (the checks, and the AWS collector that reads S3 Object
 * Lock only for critical buckets, so the two can never disagree).
 *
 * A glob matches a resource's name or its id, case-insensitively (Azure and GCP names are, and an
 * AWS bucket or database name is lower case anyway), with `*` crossing dots (`payments-*` matches
 * `payments-ledger.eu`). The AWS checks used to match case-sensitively; the union is the stricter
 * reading: more resources critical, never fewer.
 */
export function criticalMatcher(globs: readonly string[]): (...names: readonly string[]) => string | null {
  const compiled = globs.map((glob) => ({ glob, match: picomatch(glob, { nocase: true, dot: true }) }));
  return (...names) => compiled.find(({ match }) => names.some((n) => match(n)))?.glob ?? null;
}

// The policy's list is one object for a whole scan: compile it once.
const compiled = new WeakMap<readonly string[], ReturnType<typeof criticalMatcher>>();

/** The glob of `policy.criticalResources` that names the resource (by name or id), or null. */
export function criticalGlob(resource: { readonly name: string; readonly id: string }, globs: readonly string[]): string | null {
  let match = compiled.get(globs);
  if (!match) compiled.set(globs, (match = criticalMatcher(globs)));
  return match(resource.name, resource.id);
}

export const isCritical = (resource: { readonly name: string; readonly id: string }, globs: readonly string[]): boolean => criticalGlob(resource, globs) !== null;

import type { Listing } from '../core/inventory.js';
import { seen, unseen, type CollectionError, type Provenance, type ProviderId } from '../core/observed.js';
import type { Resource, ResourceType, Scope } from '../core/resource.js';

/** Builders shared by collectors, the demo and the tests: one way to make a resource or a listing. */
export function resource<T extends ResourceType>(
  type: T,
  where: { provider: ProviderId; account: string; region: string },
  props: { id: string; name: string; tags?: Record<string, string>; data: Resource<T>['data'] },
): Resource<T> {
  return { ...where, type, id: props.id, name: props.name, tags: props.tags ?? {}, data: props.data };
}

export function listing<T extends ResourceType>(scope: Scope, type: T, items: readonly Resource<T>[], source?: Provenance): Listing<T> {
  return { scope, type, items: seen(items, source) };
}

export function failedListing<T extends ResourceType>(scope: Scope, type: T, error: CollectionError): Listing<T> {
  return { scope, type, items: unseen(error) };
}

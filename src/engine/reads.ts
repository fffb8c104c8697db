import type { Listing } from '../core/inventory.js';
import type { Resource, ResourceType } from '../core/resource.js';

/** A fact about a resource that an assessment read, as it was collected. */
export interface FactRead {
  readonly resource: Resource;
  /** Where in the resource: `data.<field>` of its collected data, or `tags`. */
  readonly field: string;
  /** An `Observed` (a call of its own) or a plain value that came with the listing. */
  readonly value: unknown;
  readonly listing: Listing;
}

/** What one assessment read: the listings it drew resources from, and the fields it looked at. */
export interface Reads {
  readonly listings: readonly Listing[];
  readonly facts: readonly FactRead[];
}

/**
 * Records what a check reads, for `--evidence`. The check gets copies of the resources whose
 * `data` is a proxy noting each field read (and whose `tags` note being read), so the evidence
 * holds exactly the facts the check saw, however it reached them (directly, through
 * `ctx.known()`, or through `ctx.related()`). Identity fields (id, name, region) are in every
 * finding anyway.
 */
export class ReadRecorder {
  private readonly listings = new Set<Listing>();
  private readonly facts = new Map<Resource, Map<string, FactRead>>();

  /** The listing's resources as the check should see them; a failed listing is recorded too. */
  resources<T extends ResourceType>(listing: Listing<T>): readonly Resource<T>[] {
    this.listings.add(listing);
    return listing.items.ok ? listing.items.value.map((r) => this.track(r, listing)) : [];
  }

  /** One resource of a listing, as the check should see it. */
  resource<T extends ResourceType>(resource: Resource<T>, listing: Listing<T>): Resource<T> {
    this.listings.add(listing);
    return this.track(resource, listing);
  }

  private track<T extends ResourceType>(resource: Resource<T>, listing: Listing): Resource<T> {
    const data = resource.data as object;
    if (typeof data !== 'object' || data === null) return resource;
    const record = (field: string, value: unknown) => {
      let fields = this.facts.get(resource);
      if (!fields) this.facts.set(resource, (fields = new Map()));
      if (!fields.has(field)) fields.set(field, { resource, field, value, listing });
    };
    const seen = new Proxy(data, {
      get(target, key, receiver) {
        const value: unknown = Reflect.get(target, key, receiver);
        if (typeof key === 'string' && Object.hasOwn(target, key)) record(`data.${key}`, value);
        return value;
      },
    });
    const copy = { ...resource, data: seen as Resource<T>['data'] };
    Object.defineProperty(copy, 'tags', {
      enumerable: true,
      get: () => {
        record('tags', resource.tags);
        return resource.tags;
      },
    });
    return copy;
  }

  reads(): Reads {
    return { listings: [...this.listings], facts: [...this.facts.values()].flatMap((fields) => [...fields.values()]) };
  }
}

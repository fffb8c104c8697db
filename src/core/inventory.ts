import type { Observed } from './observed.js';
import type { Policy } from './policy.js';
import type { Resource, ResourceType, Scope } from './resource.js';

/**
 * All resources of one type in one scope, or the error that kept us from listing them.
 * A failed listing is visible: it becomes ERROR results, never "no resources".
 */
export interface Listing<T extends ResourceType = ResourceType> {
  readonly scope: Scope;
  readonly type: T;
  readonly items: Observed<readonly Resource<T>[]>;
}

/** One line of a saved inventory file (JSON lines): a header first, then one listing per line. */
export interface InventoryHeader {
  readonly format: 'dutyscan-inventory';
  readonly version: 1;
  readonly createdAt: string;
  readonly description?: string;
}

/** Listings evaluated instead of collecting: a saved inventory, or the embedded demo. */
export interface OfflineSource {
  readonly kind: 'inventory' | 'demo';
  readonly listings: Iterable<Listing>;
  /** The source's own rules (the demo's tags, regions, critical data), given the configured policy. */
  readonly policy?: (configured: Policy) => Policy;
  /** When a failure was first seen, by finding id (the demo's history), to count cure periods from. */
  readonly firstSeen?: ReadonlyMap<string, string>;
}

import type { Finding } from '../core/finding.js';
import type { Listing } from '../core/inventory.js';
import { isObserved, type CollectionError, type Provenance } from '../core/observed.js';
import type { Reads } from '../engine/reads.js';
import { scrub } from '../util/log.js';

/** Which call answered, and when; absent where the inventory does not say (the demo, older saved inventories). */
interface Origin {
  readonly operation?: string;
  readonly requestId?: string;
  readonly observedAt?: string;
}

export interface ListingEvidence extends Origin {
  readonly type: string;
  readonly scope: { readonly provider: string; readonly account: string; readonly region: string };
  /** Resources listed; absent when the listing failed. */
  readonly count?: number;
  readonly error?: CollectionError;
}

export interface FactEvidence extends Origin {
  /** The id of the resource the fact belongs to. */
  readonly resource: string;
  /** Where the fact sits in the collected resource: `data.<field>`, or `tags`. */
  readonly field: string;
  /** `call`: the fact was a call of its own; `listing`: it came with the resource's listing. */
  readonly from: 'call' | 'listing';
  readonly value?: unknown;
  readonly error?: CollectionError;
}

/** One finding's evidence file: the finding, and the facts that decided it as the check saw them. */
export interface EvidenceDocument {
  readonly format: 'dutyscan-evidence';
  readonly version: 1;
  readonly finding: Finding;
  readonly listings: readonly ListingEvidence[];
  readonly facts: readonly FactEvidence[];
}

const origin = (source: Provenance | undefined): Origin =>
  source ? { operation: source.operation, ...(source.requestId ? { requestId: source.requestId } : {}), observedAt: source.at } : {};

function listingEvidence(listing: Listing): ListingEvidence {
  const { provider, account, region } = listing.scope;
  const head = { type: listing.type, scope: { provider, account, region } };
  return listing.items.ok
    ? { ...head, count: listing.items.value.length, ...origin(listing.items.source) }
    : { ...head, error: listing.items.error };
}

export function evidenceDocument(finding: Finding, reads: Reads | undefined): EvidenceDocument {
  return {
    format: 'dutyscan-evidence',
    version: 1,
    finding,
    listings: (reads?.listings ?? []).map(listingEvidence),
    facts: (reads?.facts ?? []).map(({ resource, field, value, listing }): FactEvidence => {
      const head = { resource: resource.id, field };
      if (!isObserved(value)) return { ...head, from: 'listing', value, ...(listing.items.ok ? origin(listing.items.source) : {}) };
      return value.ok
        ? { ...head, from: 'call', value: value.value, ...origin(value.source) }
        : { ...head, from: 'call', error: value.error };
    }),
  };
}

/** The file's text: every string scrubbed of secret-shaped values, at any depth, as the logs are. */
export function serialise(value: unknown): string {
  return `${JSON.stringify(value, (_key, v: unknown) => (typeof v === 'string' ? scrub(v) : v), 2)}\n`;
}

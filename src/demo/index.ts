import type { Listing, OfflineSource } from '../core/inventory.js';
import type { Policy } from '../core/policy.js';
import { PROVIDER_IDS, descriptor } from '../../providers/index.js';
import { demoFirstSeen } from './history.js';

const demos = PROVIDER_IDS.map((id) => descriptor(id).demo);

/**
 * The embedded demo: a misconfigured organisation as a collected inventory would describe it, with
 * dates relative to `now` so that "a key 200 days old" stays 200 days old. It runs through the
 * real engine and checks; only the collection step is replaced. Each provider brings its part
 * (providers/<id>/demo.ts).
 */
export function demoInventory(now: Date): Listing[] {
  return demos.flatMap((d) => d.listings(now));
}

/**
 * The demo organisation's own rules (required tags, allowed regions, critical data), used for
 * every part of the policy the user's config leaves empty.
 */
export function demoPolicy(configured: Policy): Policy {
  const parts = demos.map((d) => d.policy);
  return {
    requiredTags: configured.requiredTags.length > 0 ? configured.requiredTags : parts.flatMap((p) => p.requiredTags),
    allowedRegions: Object.keys(configured.allowedRegions).length > 0 ? configured.allowedRegions : Object.assign({}, ...parts.map((p) => p.allowedRegions)),
    criticalResources: configured.criticalResources.length > 0 ? configured.criticalResources : parts.flatMap((p) => p.criticalResources),
  };
}

/** The demo as `scan --demo` and `serve --demo` both evaluate it: its inventory at `now`, its own rules and its history. */
export function demoSource(now: Date): OfflineSource & { readonly listings: Listing[] } {
  return { kind: 'demo', listings: demoInventory(now), policy: demoPolicy, firstSeen: demoFirstSeen(now) };
}

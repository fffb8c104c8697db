import type { Listing, OfflineSource } from '../core/inventory.js';
import type { Policy } from '../core/policy.js';
import { awsDemo, awsDemoPolicy } from './aws.js';
import { azureDemo } from './azure.js';
import { gcpDemo, gcpDemoPolicy } from './gcp.js';
import { demoFirstSeen } from './history.js';

/**
 * The embedded demo: a misconfigured organisation as a collected inventory would describe it, with
 * dates relative to `now` so that "a key 200 days old" stays 200 days old. It runs through the
 * real engine and checks; only the collection step is replaced.
 */
export function demoInventory(now: Date): Listing[] {
  return [...awsDemo(now), ...azureDemo(now), ...gcpDemo(now)];
}

const azureDemoPolicy: Policy = {
  requiredTags: [
    { key: 'owner', resourceTypes: ['azure.*'] },
    { key: 'cost-center', pattern: 'CC-[0-9]{4}', resourceTypes: ['azure.resources.resource-group'] },
  ],
  allowedRegions: { azure: ['westeurope', 'northeurope'] },
  criticalResources: [],
};

/**
 * The demo organisation's own rules (required tags, allowed regions, critical data), used for
 * every part of the policy the user's config leaves empty.
 */
export function demoPolicy(configured: Policy): Policy {
  const parts = [awsDemoPolicy, azureDemoPolicy, gcpDemoPolicy];
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

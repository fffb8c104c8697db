import type { Listing } from '../core/inventory.js';
import { awsDemo } from './aws.js';
import { azureDemo } from './azure.js';
import { gcpDemo } from './gcp.js';

/**
 * The embedded demo: a misconfigured organisation as a collected inventory would describe it, with
 * dates relative to `now` so that "a key 200 days old" stays 200 days old. It runs through the
 * real engine and checks; only the collection step is replaced.
 */
export function demoInventory(now: Date): Listing[] {
  return [...awsDemo(now), ...azureDemo(now), ...gcpDemo(now)];
}

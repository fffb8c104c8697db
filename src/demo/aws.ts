import type { Listing } from '../core/inventory.js';

/** The demo organisation's AWS side: several accounts and regions, compliant and not. */
export function awsDemo(_now: Date): Listing[] {
  return [];
}

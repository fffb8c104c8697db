import type { Listing } from '../core/inventory.js';

/** The demo organisation's Azure side: one subscription, compliant and not. */
export function azureDemo(_now: Date): Listing[] {
  return [];
}

import type { Listing } from '../core/inventory.js';

/** The demo organisation's GCP side: one project, compliant and not. */
export function gcpDemo(_now: Date): Listing[] {
  return [];
}

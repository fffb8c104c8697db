import type { AnyCheck } from '../../src/core/check.js';

/** Every GCP check, in catalogue order. The catalogue test compares this list with the folder. */
export const gcpChecks: readonly AnyCheck[] = [];

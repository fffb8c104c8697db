import type { AnyCheck } from '../../src/core/check.js';

/** Every Azure check, in catalogue order. The catalogue test compares this list with the folder. */
export const azureChecks: readonly AnyCheck[] = [];

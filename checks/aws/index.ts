import type { AnyCheck } from '../../src/core/check.js';

/** Every AWS check, in catalogue order. The catalogue test compares this list with the folder. */
export const awsChecks: readonly AnyCheck[] = [];

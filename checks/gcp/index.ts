import type { AnyCheck } from '../../src/core/check.js';
import { checksOf } from '../index.js';

/** Every GCP check: the files under checks/gcp/<service>/ (see checks/index.ts). */
export const gcpChecks: readonly AnyCheck[] = checksOf('gcp');

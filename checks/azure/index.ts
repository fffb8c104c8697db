import type { AnyCheck } from '../../src/core/check.js';
import { checksOf } from '../index.js';

/** Every Azure check: the files under checks/azure/<service>/ (see checks/index.ts). */
export const azureChecks: readonly AnyCheck[] = checksOf('azure');

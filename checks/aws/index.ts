import type { AnyCheck } from '../../src/core/check.js';
import { checksOf } from '../index.js';

/** Every AWS check: the files under checks/aws/<service>/ (see checks/index.ts). */
export const awsChecks: readonly AnyCheck[] = checksOf('aws');

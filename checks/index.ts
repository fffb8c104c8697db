import type { AnyCheck } from '../src/core/check.js';
import { awsChecks } from './aws/index.js';
import { azureChecks } from './azure/index.js';
import { gcpChecks } from './gcp/index.js';

export const allChecks: readonly AnyCheck[] = [...awsChecks, ...azureChecks, ...gcpChecks];

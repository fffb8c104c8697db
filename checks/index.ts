import type { AnyCheck } from '../src/core/check.js';
import { descriptor } from '../providers/index.js';
import { awsChecks } from './aws/index.js';
import { azureChecks } from './azure/index.js';
import { gcpChecks } from './gcp/index.js';

export const allChecks: readonly AnyCheck[] = [...awsChecks, ...azureChecks, ...gcpChecks];

/** The page a reader opens to act on a check: its own remediation link, or its service's documentation. */
export const helpUri = (check: Pick<AnyCheck, 'provider' | 'service' | 'remediation'>): string | undefined =>
  check.remediation.url ?? descriptor(check.provider).serviceDocs[check.service];

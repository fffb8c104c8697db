import type { AnyCheck } from '../src/core/check.js';
import { awsChecks, awsServiceDocs } from './aws/index.js';
import { azureChecks, azureServiceDocs } from './azure/index.js';
import { gcpChecks, gcpServiceDocs } from './gcp/index.js';

export const allChecks: readonly AnyCheck[] = [...awsChecks, ...azureChecks, ...gcpChecks];

const serviceDocs: Readonly<Record<string, Readonly<Record<string, string>>>> = { aws: awsServiceDocs, azure: azureServiceDocs, gcp: gcpServiceDocs };

/** The page a reader opens to act on a check: its own remediation link, or its service's documentation. */
export const helpUri = (check: Pick<AnyCheck, 'provider' | 'service' | 'remediation'>): string | undefined =>
  check.remediation.url ?? serviceDocs[check.provider]?.[check.service];

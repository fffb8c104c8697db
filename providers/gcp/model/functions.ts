import type { Observed } from '../../../src/core/observed.js';
import type { GcpIamBinding } from './types.js';

/** `gcp.functions.function`: a Cloud Function, 1st or 2nd generation. */
export interface GcpCloudFunction {
  readonly generation: 1 | 2;
  /** `ALLOW_ALL`, `ALLOW_INTERNAL_ONLY`, `ALLOW_INTERNAL_AND_GCLB`. */
  readonly ingressSettings: string;
  /** HTTP-triggered: its security level (`SECURE_ALWAYS`, `SECURE_OPTIONAL`); null for event triggers and 2nd gen (HTTPS only). */
  readonly httpsSecurityLevel: string | null;
  readonly httpTrigger: boolean;
  readonly iamBindings: Observed<readonly GcpIamBinding[]>;
}

declare module '../../../src/core/resource.js' {
  interface ResourceTypes {
    'gcp.functions.function': GcpCloudFunction;
  }
}

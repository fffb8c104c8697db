import type { Observed } from '../../../src/core/observed.js';
import type { GcpIamBinding } from './types.js';

/** `gcp.run.service`: a Cloud Run service. */
export interface GcpRunService {
  /** `all`, `internal` or `internal-and-cloud-load-balancing` (the v1 annotation's spelling). */
  readonly ingress: string;
  readonly iamBindings: Observed<readonly GcpIamBinding[]>;
}

declare module '../../../src/core/resource.js' {
  interface ResourceTypes {
    'gcp.run.service': GcpRunService;
  }
}

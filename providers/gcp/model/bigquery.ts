import type { Observed } from '../../../src/core/observed.js';
import type { GcpIamBinding } from './types.js';

/** `gcp.bigquery.dataset` */
export interface GcpBigQueryDataset {
  readonly location: string;
  /** The Cloud KMS key new tables get by default; null for Google-managed encryption. */
  readonly defaultKmsKeyName: string | null;
  /** The dataset's access entries, as `role` and the member (`allUsers`, `specialGroup:allAuthenticatedUsers`, `userByEmail:a@b`...). */
  readonly access: readonly { readonly role: string; readonly member: string }[];
  /** The dataset's IAM policy (the same grants in IAM form). */
  readonly iamBindings: Observed<readonly GcpIamBinding[]>;
}

declare module '../../../src/core/resource.js' {
  interface ResourceTypes {
    'gcp.bigquery.dataset': GcpBigQueryDataset;
  }
}

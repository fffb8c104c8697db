import type { Observed } from '../../../src/core/observed.js';
import type { GcpIamBinding } from './types.js';

/** `gcp.pubsub.topic` */
export interface GcpPubSubTopic {
  /** Cloud KMS key protecting stored messages; null for Google-managed encryption. */
  readonly kmsKeyName: string | null;
  readonly iamBindings: Observed<readonly GcpIamBinding[]>;
}

declare module '../../../src/core/resource.js' {
  interface ResourceTypes {
    'gcp.pubsub.topic': GcpPubSubTopic;
  }
}

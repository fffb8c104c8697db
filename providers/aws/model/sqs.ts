import type { Observed } from '../../../src/core/observed.js';
import type { PolicyDocument } from './policy-document.js';

/** SQS (regional): `sqs:ListQueues`, then `sqs:GetQueueAttributes` per queue (ListQueues carries URLs only). */

/** The attributes the duties read, from `GetQueueAttributes(All)`. */
export interface SqsQueueAttributes {
  readonly queueArn: string;
  /** `SqsManagedSseEnabled`: SSE-SQS, keys owned by SQS. */
  readonly sqsManagedSse: boolean;
  /** `KmsMasterKeyId`: SSE-KMS with this key (id, ARN or alias); null: none. */
  readonly kmsMasterKeyId: string | null;
  /** `Policy`; null: the queue has none. */
  readonly policy: PolicyDocument | null;
}

/** `aws.sqs.queue`; `Resource.id` is the queue ARN (the URL when the attributes could not be read). */
export interface SqsQueue {
  readonly queueUrl: string;
  readonly queueName: string;
  readonly attributes: Observed<SqsQueueAttributes>;
}

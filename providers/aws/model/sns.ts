import type { Observed } from '../../../src/core/observed.js';
import type { PolicyDocument } from './policy-document.js';

/** SNS (regional): `sns:ListTopics`, then `sns:GetTopicAttributes` per topic (ListTopics carries ARNs only). */

export interface SnsTopicAttributes {
  /** `KmsMasterKeyId`; null: not encrypted at rest with KMS. */
  readonly kmsMasterKeyId: string | null;
  /** `Policy`; every topic has one (SNS writes a default owner-only policy). */
  readonly policy: PolicyDocument | null;
}

/** `aws.sns.topic`; `Resource.id` is the topic ARN. */
export interface SnsTopic {
  readonly topicArn: string;
  readonly attributes: Observed<SnsTopicAttributes>;
}

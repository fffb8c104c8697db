import type { Observed } from '../../../src/core/observed.js';

/**
 * DynamoDB (regional): `dynamodb:ListTables` (names only), then per table `dynamodb:DescribeTable`,
 * `dynamodb:DescribeContinuousBackups` and `dynamodb:ListTagsOfResource`: no bulk call carries
 * encryption, recovery or tags.
 */

/** `SSEDescription`; null in the answer means the table uses an AWS owned key. */
export interface DynamoDbEncryption {
  /** `KMS` (AWS managed or customer managed key) or `AES256` (AWS owned key); null: AWS owned key. */
  readonly sseType: string | null;
  /** The KMS key ARN when `sseType` is `KMS`. */
  readonly kmsKeyArn: string | null;
}

/** `aws.dynamodb.table`; `Resource.id` is the table ARN, tags in `data.tagging` (their own call). */
export interface DynamoDbTable {
  readonly tableName: string;
  readonly tableArn: string;
  /** CREATING, UPDATING, DELETING, ACTIVE, ARCHIVING, ARCHIVED, ... */
  readonly tableStatus: string;
  readonly encryption: DynamoDbEncryption;
  readonly deletionProtectionEnabled: boolean;
  /** `PointInTimeRecoveryStatus` is ENABLED. */
  readonly pointInTimeRecovery: Observed<{ readonly enabled: boolean; readonly recoveryPeriodInDays: number | null }>;
  readonly tagging: Observed<Readonly<Record<string, string>>>;
}

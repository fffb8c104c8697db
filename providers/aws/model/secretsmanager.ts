import type { Observed } from '../../../src/core/observed.js';
import type { PolicyDocument } from './policy-document.js';

/** Secrets Manager (regional): `secretsmanager:ListSecrets` (rotation, key and tags in bulk), then `GetResourcePolicy` per secret. */

/** `aws.secretsmanager.secret`; `Resource.id` is the secret ARN. */
export interface Secret {
  readonly arn: string;
  readonly name: string;
  /** `KmsKeyId`; null: the AWS managed key `aws/secretsmanager`. */
  readonly kmsKeyId: string | null;
  readonly rotationEnabled: boolean;
  readonly rotationLambdaArn: string | null;
  readonly automaticallyAfterDays: number | null;
  readonly lastRotatedDate: string | null;
  readonly lastChangedDate: string | null;
  readonly createdDate: string | null;
  /** `ResourcePolicy`; null: none. */
  readonly policy: Observed<PolicyDocument | null>;
}

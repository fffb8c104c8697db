import type { Observed } from '../../../src/core/observed.js';
import type { PolicyDocument } from './policy-document.js';

/** KMS (regional): `kms:ListKeys` (the listing), then `kms:DescribeKey`, `kms:GetKeyRotationStatus` and `kms:GetKeyPolicy` per key. */

/** `kms:DescribeKey` `KeyMetadata`. */
export interface KmsKeyMetadata {
  /** `AWS` or `CUSTOMER` */
  readonly keyManager: string;
  /** SYMMETRIC_DEFAULT, RSA_2048, HMAC_256, ... */
  readonly keySpec: string;
  /** ENCRYPT_DECRYPT, SIGN_VERIFY, GENERATE_VERIFY_MAC */
  readonly keyUsage: string;
  /** Enabled, Disabled, PendingDeletion, PendingImport, Unavailable, ... */
  readonly keyState: string;
  /** AWS_KMS, EXTERNAL, AWS_CLOUDHSM, EXTERNAL_KEY_STORE */
  readonly origin: string;
  readonly creationDate: string;
  readonly description: string;
  readonly multiRegion: boolean;
}

export interface KeyRotation {
  readonly keyRotationEnabled: boolean;
  readonly rotationPeriodInDays: number | null;
}

/** `aws.kms.key`; `Resource.id` is the key ARN, `Resource.name` its first alias or the key id. */
export interface KmsKey {
  readonly keyId: string;
  readonly arn: string;
  readonly aliases: readonly string[];
  /** DescribeKey can be denied by a key policy for one key alone. */
  readonly metadata: Observed<KmsKeyMetadata>;
  /**
   * `kms:GetKeyRotationStatus`; null when not asked because rotation cannot apply: AWS-managed,
   * asymmetric, HMAC, imported or custom key store keys, keys pending deletion, or unknown metadata.
   */
  readonly rotation: Observed<KeyRotation> | null;
  /** `kms:GetKeyPolicy` (policy `default`) for customer-managed keys; null when not asked (AWS-managed keys, unknown metadata). */
  readonly policy: Observed<PolicyDocument> | null;
}

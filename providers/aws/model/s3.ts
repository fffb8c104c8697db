import type { Observed } from '../../../src/core/observed.js';
import type { PolicyDocument } from './policy-document.js';

/**
 * S3. Buckets are listed per region (`s3:ListBuckets` with `BucketRegion`), so a bucket sits in
 * the scope of the region that holds its data; every per-bucket fact is its own call against the
 * bucket's regional endpoint and can fail alone. "Not configured" answers (`NoSuch...`,
 * `...NotFoundError`) are `null`, never an error.
 */

/** `PublicAccessBlockConfiguration`, for a bucket or the whole account. */
export interface PublicAccessBlock {
  readonly blockPublicAcls: boolean;
  readonly ignorePublicAcls: boolean;
  readonly blockPublicPolicy: boolean;
  readonly restrictPublicBuckets: boolean;
}

/** The default rule of `s3:GetBucketEncryption`. */
export interface BucketEncryption {
  /** `AES256` (SSE-S3), `aws:kms` (SSE-KMS), `aws:kms:dsse` (DSSE-KMS). */
  readonly sseAlgorithm: string;
  readonly kmsMasterKeyId: string | null;
  readonly bucketKeyEnabled: boolean;
}

export interface AclGrant {
  /** CanonicalUser, Group, AmazonCustomerByEmail */
  readonly granteeType: string;
  /** For groups: `http://acs.amazonaws.com/groups/global/AllUsers`, `.../AuthenticatedUsers`, `.../s3/LogDelivery`. */
  readonly granteeUri: string | null;
  readonly granteeId: string | null;
  /** FULL_CONTROL, READ, WRITE, READ_ACP, WRITE_ACP */
  readonly permission: string;
}

export interface BucketVersioning {
  /** `null` when versioning was never enabled. */
  readonly status: 'Enabled' | 'Suspended' | null;
  readonly mfaDelete: 'Enabled' | 'Disabled' | null;
}

/** `s3:GetObjectLockConfiguration`. */
export interface BucketObjectLock {
  readonly enabled: boolean;
  /** The rule applied to new objects without a retention of their own; null: none. */
  readonly defaultRetention: { readonly mode: string; readonly days: number | null; readonly years: number | null } | null;
}

export interface BucketLogging {
  readonly targetBucket: string;
  readonly targetPrefix: string;
}

/** `aws.s3.bucket`; `Resource.id` is `arn:aws:s3:::<name>`. */
export interface S3Bucket {
  readonly name: string;
  readonly creationDate: string;
  /** `s3:GetBucketEncryption`; null: no default encryption rule. */
  readonly encryption: Observed<BucketEncryption | null>;
  /** `s3:GetPublicAccessBlock`; null: none set on the bucket. */
  readonly publicAccessBlock: Observed<PublicAccessBlock | null>;
  /** `s3:GetBucketPolicyStatus`; null: the bucket has no policy. */
  readonly policyStatus: Observed<{ readonly isPublic: boolean } | null>;
  /** `s3:GetBucketPolicy`, parsed; null: no policy. */
  readonly policy: Observed<PolicyDocument | null>;
  /**
   * `s3:GetBucketAcl` grants; null: not asked, because Object Ownership `BucketOwnerEnforced`
   * disables ACLs (no ACL grants or denies anything then).
   */
  readonly aclGrants: Observed<readonly AclGrant[] | null>;
  /** `s3:GetBucketOwnershipControls`; `BucketOwnerEnforced` disables ACLs. null: not set. */
  readonly objectOwnership: Observed<string | null>;
  /** `s3:GetBucketVersioning`. */
  readonly versioning: Observed<BucketVersioning>;
  /** `s3:GetBucketLogging`; null: server access logging off. */
  readonly logging: Observed<BucketLogging | null>;
  /** `s3:GetBucketTagging` (`NoSuchTagSet` is `{}`). `Resource.tags` copies it when seen. */
  readonly tagging: Observed<Readonly<Record<string, string>>>;
  /**
   * `s3:GetObjectLockConfiguration`, asked only for buckets matching policy.criticalResources (null:
   * not asked); `ObjectLockConfigurationNotFoundError` is the answer "none" (`seen(null)`).
   */
  readonly objectLock: Observed<BucketObjectLock | null> | null;
}

/** `aws.s3.account-public-access-block`: one per account (region `global`), `s3control:GetPublicAccessBlock`; null: none set. */
export interface S3AccountPublicAccessBlock {
  readonly publicAccessBlock: PublicAccessBlock | null;
}

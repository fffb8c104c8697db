/** Amazon FSx (regional): `fsx:DescribeFileSystems`, one paginated call per region (tags included). */

/** `aws.fsx.file-system` (Windows, Lustre, ONTAP, OpenZFS); `Resource.id` is its ARN. */
export interface FsxFileSystem {
  readonly fileSystemId: string;
  readonly arn: string;
  /** WINDOWS, LUSTRE, ONTAP, OPENZFS */
  readonly fileSystemType: string;
  /** AVAILABLE, CREATING, FAILED, DELETING, MISCONFIGURED, UPDATING, ... */
  readonly lifecycle: string;
  /** FSx always encrypts at rest; this is the KMS key, AWS managed (`aws/fsx`) or customer managed. */
  readonly kmsKeyId: string | null;
  /** Days of automatic daily backups; 0 turns them off; null where the type has none (Lustre scratch). */
  readonly automaticBackupRetentionDays: number | null;
  /** The Lustre or Windows deployment type (`SCRATCH_2`, `PERSISTENT_2`, `MULTI_AZ_1`, ...), when there is one. */
  readonly deploymentType: string | null;
}

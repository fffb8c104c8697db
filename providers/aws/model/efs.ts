/** Amazon EFS (regional): `elasticfilesystem:DescribeFileSystems`, one paginated call per region (tags included). */

/** `aws.efs.file-system`; `Resource.id` is the file system ARN, tags in `Resource.tags`. */
export interface EfsFileSystem {
  readonly fileSystemId: string;
  readonly arn: string;
  readonly encrypted: boolean;
  readonly kmsKeyId: string | null;
  /** creating, available, updating, deleting, deleted, error */
  readonly lifeCycleState: string;
  readonly performanceMode: string | null;
  readonly throughputMode: string | null;
  readonly numberOfMountTargets: number;
  readonly creationTime: string | null;
}

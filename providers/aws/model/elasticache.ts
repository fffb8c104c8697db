/** ElastiCache (regional): `elasticache:DescribeReplicationGroups`, one paginated call per region. */

/** `aws.elasticache.replication-group` (Redis OSS and Valkey); `Resource.id` is its ARN. */
export interface ElastiCacheReplicationGroup {
  readonly replicationGroupId: string;
  readonly arn: string;
  readonly engine: string | null;
  readonly status: string;
  readonly atRestEncryptionEnabled: boolean;
  readonly transitEncryptionEnabled: boolean;
  /** `preferred` accepts plain connections during a migration; `required` does not. */
  readonly transitEncryptionMode: string | null;
  readonly kmsKeyId: string | null;
  /** Days of automatic snapshots kept; 0 turns them off. */
  readonly snapshotRetentionLimit: number;
}

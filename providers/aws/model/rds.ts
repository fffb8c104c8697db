import type { Observed } from '../../../src/core/observed.js';

/** RDS (regional): `rds:DescribeDBInstances`, `rds:DescribeDBClusters`; tags (`TagList`) in `Resource.tags`. */

/** `aws.rds.instance` */
export interface RdsInstance {
  readonly dbInstanceIdentifier: string;
  readonly dbInstanceArn: string;
  readonly dbInstanceClass: string;
  readonly engine: string;
  readonly engineVersion: string;
  readonly dbInstanceStatus: string;
  readonly instanceCreateTime: string | null;
  /** Set when the instance belongs to a cluster (Aurora): storage, backups and deletion protection are then the cluster's. */
  readonly dbClusterIdentifier: string | null;
  readonly storageEncrypted: boolean;
  readonly kmsKeyId: string | null;
  readonly publiclyAccessible: boolean;
  /** Days; 0 means automated backups are off. */
  readonly backupRetentionPeriod: number;
  readonly deletionProtection: boolean;
  readonly multiAZ: boolean;
  readonly autoMinorVersionUpgrade: boolean;
  readonly iamDatabaseAuthenticationEnabled: boolean;
}

/** `aws.rds.cluster` */
export interface RdsCluster {
  readonly dbClusterIdentifier: string;
  readonly dbClusterArn: string;
  readonly engine: string;
  readonly engineVersion: string;
  readonly status: string;
  readonly clusterCreateTime: string | null;
  readonly storageEncrypted: boolean;
  readonly kmsKeyId: string | null;
  /** Multi-AZ DB clusters only; Aurora clusters answer through their instances. */
  readonly publiclyAccessible: boolean | null;
  readonly backupRetentionPeriod: number;
  readonly deletionProtection: boolean;
  readonly multiAZ: boolean;
  /** `DBClusterMembers[].DBInstanceIdentifier` */
  readonly members: readonly string[];
  readonly iamDatabaseAuthenticationEnabled: boolean;
  readonly copyTagsToSnapshot: boolean;
}

// ---- Snapshots (issue 13, aws-data): `rds:DescribeDBSnapshots` and `rds:DescribeDBClusterSnapshots`
// list them with encryption and tags; whether a manual snapshot is shared is an attribute of its
// own (`rds:DescribeDB[Cluster]SnapshotAttributes`), read per manual snapshot: the list has no such
// field, and `IncludePublic` would list every public snapshot of every account instead.

/** Who may restore a manual snapshot besides its owner: account ids, or `all` for everyone. */
export type SnapshotRestorers = readonly string[];

interface RdsSnapshotBase {
  readonly snapshotIdentifier: string;
  readonly arn: string;
  /** manual, automated, awsbackup, shared, public */
  readonly snapshotType: string;
  readonly status: string;
  readonly encrypted: boolean;
  readonly kmsKeyId: string | null;
  readonly snapshotCreateTime: string | null;
  /** The `restore` attribute of a manual snapshot; null for snapshot types that cannot be shared (automated, awsbackup). */
  readonly restorers: Observed<SnapshotRestorers> | null;
}

/** `aws.rds.db-snapshot` */
export interface RdsDbSnapshot extends RdsSnapshotBase {
  readonly dbInstanceIdentifier: string;
  readonly engine: string;
}

/** `aws.rds.cluster-snapshot` */
export interface RdsClusterSnapshot extends RdsSnapshotBase {
  readonly dbClusterIdentifier: string;
  readonly engine: string;
}

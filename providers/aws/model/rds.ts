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
}

import type { Observed } from '../../../src/core/observed.js';

/**
 * Redshift (regional): `redshift:DescribeClusters` (tags included), then `redshift:DescribeLoggingStatus`
 * per cluster: the cluster list does not say whether audit logging is on.
 */

export interface RedshiftLogging {
  readonly loggingEnabled: boolean;
  /** `s3` or `cloudwatch` */
  readonly logDestinationType: string | null;
  readonly bucketName: string | null;
  readonly logExports: readonly string[];
}

/** `aws.redshift.cluster`; `Resource.id` is its namespace ARN (or a built cluster ARN). */
export interface RedshiftCluster {
  readonly clusterIdentifier: string;
  readonly arn: string;
  readonly clusterStatus: string;
  readonly encrypted: boolean;
  readonly kmsKeyId: string | null;
  readonly publiclyAccessible: boolean;
  /** Days; 0 turns automated snapshots off. */
  readonly automatedSnapshotRetentionPeriod: number;
  readonly logging: Observed<RedshiftLogging>;
}

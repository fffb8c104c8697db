/** MemoryDB (regional): `memorydb:DescribeClusters`, one paginated call per region. */

/** `aws.memorydb.cluster`; `Resource.id` is its ARN. Data at rest is always encrypted, with an AWS owned key unless `kmsKeyId` is set. */
export interface MemoryDbCluster {
  readonly name: string;
  readonly arn: string;
  readonly status: string;
  readonly tlsEnabled: boolean;
  readonly kmsKeyId: string | null;
  readonly snapshotRetentionLimit: number;
}

import { DescribeLoggingStatusCommand, paginateDescribeClusters, type DescribeLoggingStatusCommandOutput } from '@aws-sdk/client-redshift';
import type { Listing } from '../../../src/core/inventory.js';
import { resource } from '../../../src/inventory/build.js';
import { partitionOf, tagsOf, type AwsCaller } from './caller.js';

/**
 * Redshift clusters of one region in pages (encryption, public access, snapshot retention and tags
 * included), then DescribeLoggingStatus per cluster: audit logging is not in the cluster list.
 */
export async function collectRedshift(caller: AwsCaller, region: string): Promise<Listing> {
  const where = { provider: 'aws' as const, account: caller.account, region };
  return caller.listing('aws.redshift.cluster', region, 'redshift', 'DescribeClusters', async () => {
    const clusters = await caller.all('redshift', region, paginateDescribeClusters, {}, (p) => p.Clusters, 100);
    return Promise.all(clusters.map(async (c) => {
      const id = c.ClusterIdentifier ?? '';
      const arn = `arn:${partitionOf(region)}:redshift:${region}:${caller.account}:cluster:${id}`;
      const logging = await caller.observe('redshift', region, new DescribeLoggingStatusCommand({ ClusterIdentifier: id }), (o: DescribeLoggingStatusCommandOutput) => ({
        loggingEnabled: o.LoggingEnabled ?? false, logDestinationType: o.LogDestinationType ?? null,
        bucketName: o.BucketName ?? null, logExports: o.LogExports ?? [],
      }));
      return resource('aws.redshift.cluster', where, {
        id: arn, name: id, tags: tagsOf(c.Tags),
        data: {
          clusterIdentifier: id, arn, clusterStatus: c.ClusterStatus ?? '', encrypted: c.Encrypted ?? false, kmsKeyId: c.KmsKeyId ?? null,
          publiclyAccessible: c.PubliclyAccessible ?? false, automatedSnapshotRetentionPeriod: c.AutomatedSnapshotRetentionPeriod ?? 0, logging,
        },
      });
    }));
  });
}

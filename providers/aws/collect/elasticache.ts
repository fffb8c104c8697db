import { paginateDescribeReplicationGroups } from '@aws-sdk/client-elasticache';
import type { Listing } from '../../../src/core/inventory.js';
import { resource } from '../../../src/inventory/build.js';
import { type AwsCaller } from './caller.js';

/** ElastiCache replication groups of one region in pages; the answer carries encryption and snapshot retention. */
export async function collectElastiCache(caller: AwsCaller, region: string): Promise<Listing> {
  const where = { provider: 'aws' as const, account: caller.account, region };
  return caller.listing('aws.elasticache.replication-group', region, 'elasticache', 'DescribeReplicationGroups', async () =>
    (await caller.all('elasticache', region, paginateDescribeReplicationGroups, {}, (p) => p.ReplicationGroups, 100)).map((g) => {
      const id = g.ReplicationGroupId ?? '';
      return resource('aws.elasticache.replication-group', where, {
        id: g.ARN ?? id, name: id,
        data: {
          replicationGroupId: id, arn: g.ARN ?? '', engine: g.Engine ?? null, status: g.Status ?? '',
          atRestEncryptionEnabled: g.AtRestEncryptionEnabled ?? false, transitEncryptionEnabled: g.TransitEncryptionEnabled ?? false,
          transitEncryptionMode: g.TransitEncryptionMode ?? null, kmsKeyId: g.KmsKeyId ?? null, snapshotRetentionLimit: g.SnapshotRetentionLimit ?? 0,
        },
      });
    }));
}

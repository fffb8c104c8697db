import { paginateDescribeClusters } from '@aws-sdk/client-memorydb';
import type { Listing } from '../../../src/core/inventory.js';
import { resource } from '../../../src/inventory/build.js';
import { type AwsCaller } from './caller.js';

/** MemoryDB clusters of one region in pages; the answer carries TLS, the KMS key and snapshot retention. */
export async function collectMemoryDb(caller: AwsCaller, region: string): Promise<Listing> {
  const where = { provider: 'aws' as const, account: caller.account, region };
  return caller.listing('aws.memorydb.cluster', region, 'memorydb', 'DescribeClusters', async () =>
    (await caller.all('memorydb', region, paginateDescribeClusters, {}, (p) => p.Clusters, 100)).map((c) => {
      const name = c.Name ?? '';
      return resource('aws.memorydb.cluster', where, {
        id: c.ARN ?? name, name,
        data: {
          name, arn: c.ARN ?? '', status: c.Status ?? '', tlsEnabled: c.TLSEnabled ?? false,
          kmsKeyId: c.KmsKeyId ?? null, snapshotRetentionLimit: c.SnapshotRetentionLimit ?? 0,
        },
      });
    }));
}

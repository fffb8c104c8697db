import {
  DescribeDBClusterSnapshotAttributesCommand,
  DescribeDBSnapshotAttributesCommand,
  paginateDescribeDBClusterSnapshots,
  paginateDescribeDBSnapshots,
  type DBClusterSnapshotAttribute,
  type DBSnapshotAttribute,
  type DescribeDBClusterSnapshotAttributesCommandOutput,
  type DescribeDBSnapshotAttributesCommandOutput,
} from '@aws-sdk/client-rds';
import type { Listing } from '../../../src/core/inventory.js';
import type { ResourceType } from '../../../src/core/resource.js';
import { resource } from '../../../src/inventory/build.js';
import { iso, tagsOf, type AwsCaller } from './caller.js';


/** Only manual snapshots can be shared; automated and AWS Backup ones cannot, so their attributes are not read. */
const SHAREABLE = new Set(['manual']);

const restorersOf = (attributes: readonly (DBSnapshotAttribute | DBClusterSnapshotAttribute)[] | undefined): string[] =>
  (attributes ?? []).filter((a) => a.AttributeName === 'restore').flatMap((a) => a.AttributeValues ?? []);

/**
 * The account's own DB and cluster snapshots of one region in pages (encryption and tags
 * included), then, per manual snapshot only, its `restore` attribute: the one field that says
 * whether it is shared, which no list call carries.
 */
export async function collectRdsSnapshots(caller: AwsCaller, region: string, types: ReadonlySet<ResourceType>): Promise<Listing[]> {
  const where = { provider: 'aws' as const, account: caller.account, region };
  const jobs: Promise<Listing>[] = [];
  if (types.has('aws.rds.db-snapshot')) {
    jobs.push(caller.listing('aws.rds.db-snapshot', region, 'rds', 'DescribeDBSnapshots', async () => {
      const snapshots = await caller.all('rds', region, paginateDescribeDBSnapshots, {}, (p) => p.DBSnapshots, 100);
      return Promise.all(snapshots.map(async (s) => {
        const id = s.DBSnapshotIdentifier ?? '';
        const type = s.SnapshotType ?? '';
        const restorers = SHAREABLE.has(type)
          ? await caller.observe('rds', region, new DescribeDBSnapshotAttributesCommand({ DBSnapshotIdentifier: id }),
            (o: DescribeDBSnapshotAttributesCommandOutput) => restorersOf(o.DBSnapshotAttributesResult?.DBSnapshotAttributes))
          : null;
        return resource('aws.rds.db-snapshot', where, {
          id: s.DBSnapshotArn ?? id, name: id, tags: tagsOf(s.TagList),
          data: {
            snapshotIdentifier: id, arn: s.DBSnapshotArn ?? '', snapshotType: type, status: s.Status ?? '',
            encrypted: s.Encrypted ?? false, kmsKeyId: s.KmsKeyId ?? null, snapshotCreateTime: iso(s.SnapshotCreateTime),
            restorers, dbInstanceIdentifier: s.DBInstanceIdentifier ?? '', engine: s.Engine ?? '',
          },
        });
      }));
    }));
  }
  if (types.has('aws.rds.cluster-snapshot')) {
    jobs.push(caller.listing('aws.rds.cluster-snapshot', region, 'rds', 'DescribeDBClusterSnapshots', async () => {
      const snapshots = await caller.all('rds', region, paginateDescribeDBClusterSnapshots, {}, (p) => p.DBClusterSnapshots, 100);
      return Promise.all(snapshots.map(async (s) => {
        const id = s.DBClusterSnapshotIdentifier ?? '';
        const type = s.SnapshotType ?? '';
        const restorers = SHAREABLE.has(type)
          ? await caller.observe('rds', region, new DescribeDBClusterSnapshotAttributesCommand({ DBClusterSnapshotIdentifier: id }),
            (o: DescribeDBClusterSnapshotAttributesCommandOutput) => restorersOf(o.DBClusterSnapshotAttributesResult?.DBClusterSnapshotAttributes))
          : null;
        return resource('aws.rds.cluster-snapshot', where, {
          id: s.DBClusterSnapshotArn ?? id, name: id, tags: tagsOf(s.TagList),
          data: {
            snapshotIdentifier: id, arn: s.DBClusterSnapshotArn ?? '', snapshotType: type, status: s.Status ?? '',
            encrypted: s.StorageEncrypted ?? false, kmsKeyId: s.KmsKeyId ?? null, snapshotCreateTime: iso(s.SnapshotCreateTime),
            restorers, dbClusterIdentifier: s.DBClusterIdentifier ?? '', engine: s.Engine ?? '',
          },
        });
      }));
    }));
  }
  return Promise.all(jobs);
}

import { paginateDescribeDBClusters, paginateDescribeDBInstances } from '@aws-sdk/client-rds';
import type { Listing } from '../../../src/core/inventory.js';
import type { ResourceType } from '../../../src/core/resource.js';
import { resource } from '../../../src/inventory/build.js';
import { iso, tagsOf, type AwsCaller } from './caller.js';


/** RDS in one region: instances and clusters in pages of 100 (the API maximum), tags included. */
export async function collectRds(caller: AwsCaller, region: string, types: ReadonlySet<ResourceType>): Promise<Listing[]> {
  const where = { provider: 'aws' as const, account: caller.account, region };
  const jobs: Promise<Listing>[] = [];
  if (types.has('aws.rds.instance')) {
    jobs.push(caller.listing('aws.rds.instance', region, 'rds', 'DescribeDBInstances', async () =>
      (await caller.all('rds', region, paginateDescribeDBInstances, {}, (p) => p.DBInstances, 100)).map((d) => {
        const id = d.DBInstanceIdentifier ?? '';
        return resource('aws.rds.instance', where, {
          id: d.DBInstanceArn ?? id, name: id, tags: tagsOf(d.TagList),
          data: {
            dbInstanceIdentifier: id, dbInstanceArn: d.DBInstanceArn ?? '', dbInstanceClass: d.DBInstanceClass ?? '',
            engine: d.Engine ?? '', engineVersion: d.EngineVersion ?? '', dbInstanceStatus: d.DBInstanceStatus ?? '',
            instanceCreateTime: iso(d.InstanceCreateTime), dbClusterIdentifier: d.DBClusterIdentifier ?? null,
            storageEncrypted: d.StorageEncrypted ?? false, kmsKeyId: d.KmsKeyId ?? null,
            publiclyAccessible: d.PubliclyAccessible ?? false, backupRetentionPeriod: d.BackupRetentionPeriod ?? 0,
            deletionProtection: d.DeletionProtection ?? false, multiAZ: d.MultiAZ ?? false,
            autoMinorVersionUpgrade: d.AutoMinorVersionUpgrade ?? false,
            iamDatabaseAuthenticationEnabled: d.IAMDatabaseAuthenticationEnabled ?? false,
          },
        });
      })));
  }
  if (types.has('aws.rds.cluster')) {
    jobs.push(caller.listing('aws.rds.cluster', region, 'rds', 'DescribeDBClusters', async () =>
      (await caller.all('rds', region, paginateDescribeDBClusters, {}, (p) => p.DBClusters, 100)).map((c) => {
        const id = c.DBClusterIdentifier ?? '';
        return resource('aws.rds.cluster', where, {
          id: c.DBClusterArn ?? id, name: id, tags: tagsOf(c.TagList),
          data: {
            dbClusterIdentifier: id, dbClusterArn: c.DBClusterArn ?? '', engine: c.Engine ?? '', engineVersion: c.EngineVersion ?? '',
            status: c.Status ?? '', clusterCreateTime: iso(c.ClusterCreateTime), storageEncrypted: c.StorageEncrypted ?? false,
            kmsKeyId: c.KmsKeyId ?? null, publiclyAccessible: c.PubliclyAccessible ?? null,
            backupRetentionPeriod: c.BackupRetentionPeriod ?? 0, deletionProtection: c.DeletionProtection ?? false,
            multiAZ: c.MultiAZ ?? false,
            members: (c.DBClusterMembers ?? []).flatMap((m) => (m.DBInstanceIdentifier ? [m.DBInstanceIdentifier] : [])),
            iamDatabaseAuthenticationEnabled: c.IAMDatabaseAuthenticationEnabled ?? false, copyTagsToSnapshot: c.CopyTagsToSnapshot ?? false,
          },
        });
      })));
  }
  return Promise.all(jobs);
}

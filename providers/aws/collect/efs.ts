import { paginateDescribeFileSystems } from '@aws-sdk/client-efs';
import type { Listing } from '../../../src/core/inventory.js';
import { resource } from '../../../src/inventory/build.js';
import { iso, partitionOf, tagsOf, type AwsCaller } from './caller.js';

/** EFS file systems of one region in pages; the answer carries encryption and tags, so nothing more is asked. */
export async function collectEfs(caller: AwsCaller, region: string): Promise<Listing> {
  const where = { provider: 'aws' as const, account: caller.account, region };
  return caller.listing('aws.efs.file-system', region, 'elasticfilesystem', 'DescribeFileSystems', async () =>
    (await caller.all('elasticfilesystem', region, paginateDescribeFileSystems, {}, (p) => p.FileSystems, 100)).map((f) => {
      const id = f.FileSystemId ?? '';
      const arn = f.FileSystemArn ?? `arn:${partitionOf(region)}:elasticfilesystem:${region}:${f.OwnerId ?? caller.account}:file-system/${id}`;
      return resource('aws.efs.file-system', where, {
        id: arn, name: f.Name || id, tags: tagsOf(f.Tags),
        data: {
          fileSystemId: id, arn, encrypted: f.Encrypted ?? false, kmsKeyId: f.KmsKeyId ?? null,
          lifeCycleState: f.LifeCycleState ?? '', performanceMode: f.PerformanceMode ?? null, throughputMode: f.ThroughputMode ?? null,
          numberOfMountTargets: f.NumberOfMountTargets ?? 0, creationTime: iso(f.CreationTime),
        },
      });
    }));
}

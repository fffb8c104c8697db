import { paginateDescribeFileSystems, type FileSystem } from '@aws-sdk/client-fsx';
import type { Listing } from '../../../src/core/inventory.js';
import { resource } from '../../../src/inventory/build.js';
import { tagsOf, type AwsCaller } from './caller.js';

/** Lustre scratch file systems keep no backups at all: retention does not apply to them. */
const SCRATCH = /^SCRATCH_/;

function backupRetention(f: FileSystem): number | null {
  if (f.LustreConfiguration) return SCRATCH.test(f.LustreConfiguration.DeploymentType ?? '') ? null : f.LustreConfiguration.AutomaticBackupRetentionDays ?? 0;
  const days = f.WindowsConfiguration?.AutomaticBackupRetentionDays ?? f.OntapConfiguration?.AutomaticBackupRetentionDays ??
    f.OpenZFSConfiguration?.AutomaticBackupRetentionDays;
  return days ?? 0;
}

/** FSx file systems of one region in pages; the answer carries the KMS key, backup retention and tags. */
export async function collectFsx(caller: AwsCaller, region: string): Promise<Listing> {
  const where = { provider: 'aws' as const, account: caller.account, region };
  return caller.listing('aws.fsx.file-system', region, 'fsx', 'DescribeFileSystems', async () =>
    (await caller.all('fsx', region, paginateDescribeFileSystems, {}, (p) => p.FileSystems, 100)).map((f) => {
      const id = f.FileSystemId ?? '';
      const tags = tagsOf(f.Tags);
      return resource('aws.fsx.file-system', where, {
        id: f.ResourceARN ?? id, name: tags.Name || id, tags,
        data: {
          fileSystemId: id, arn: f.ResourceARN ?? '', fileSystemType: f.FileSystemType ?? '', lifecycle: f.Lifecycle ?? '',
          kmsKeyId: f.KmsKeyId ?? null, automaticBackupRetentionDays: backupRetention(f),
          deploymentType: f.LustreConfiguration?.DeploymentType ?? f.WindowsConfiguration?.DeploymentType ?? f.OntapConfiguration?.DeploymentType ??
            f.OpenZFSConfiguration?.DeploymentType ?? null,
        },
      });
    }));
}

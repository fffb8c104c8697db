import { GetRepositoryPolicyCommand, paginateDescribeRepositories, type GetRepositoryPolicyCommandOutput } from '@aws-sdk/client-ecr';
import type { Listing } from '../../../src/core/inventory.js';
import { resource } from '../../../src/inventory/build.js';
import type { AwsCaller } from './caller.js';
import { resourcePolicy } from './resource-policy.js';

/** ECR repositories of one region: DescribeRepositories carries scanning, mutability and encryption; the policy needs GetRepositoryPolicy per repository. */
export async function collectEcr(caller: AwsCaller, region: string): Promise<Listing> {
  const where = { provider: 'aws' as const, account: caller.account, region };
  return caller.listing('aws.ecr.repository', region, 'ecr', 'DescribeRepositories', async () => {
    const repos = await caller.all('ecr', region, paginateDescribeRepositories, {}, (p) => p.repositories, 1000);
    return Promise.all(repos.filter((r) => r.repositoryArn && r.repositoryName).map(async (r) => {
      const repositoryName = r.repositoryName!;
      const policy = await caller.observe('ecr', region, new GetRepositoryPolicyCommand({ repositoryName }),
        (o: GetRepositoryPolicyCommandOutput) => resourcePolicy(o.policyText), null);
      return resource('aws.ecr.repository', where, {
        id: r.repositoryArn!, name: repositoryName,
        data: {
          repositoryName, repositoryArn: r.repositoryArn!, repositoryUri: r.repositoryUri ?? '',
          imageTagMutability: r.imageTagMutability ?? 'MUTABLE', scanOnPush: r.imageScanningConfiguration?.scanOnPush ?? false,
          encryptionType: r.encryptionConfiguration?.encryptionType ?? 'AES256', kmsKey: r.encryptionConfiguration?.kmsKey || null, policy,
        },
      });
    }));
  });
}

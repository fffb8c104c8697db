import { DescribeClusterCommand, paginateListClusters, type DescribeClusterCommandOutput } from '@aws-sdk/client-eks';
import type { Listing } from '../../../src/core/inventory.js';
import { resource } from '../../../src/inventory/build.js';
import { FailedCall, type AwsCaller } from './caller.js';

/**
 * EKS clusters of one region: ListClusters (names only), then DescribeCluster per cluster. Every
 * field the checks read comes from DescribeCluster, so a cluster it cannot describe fails the listing.
 */
export async function collectEks(caller: AwsCaller, region: string): Promise<Listing> {
  const where = { provider: 'aws' as const, account: caller.account, region };
  return caller.listing('aws.eks.cluster', region, 'eks', 'ListClusters', async () => {
    const names = await caller.all('eks', region, paginateListClusters, {}, (p) => p.clusters, 100);
    return Promise.all(names.map(async (name) => {
      const o = await caller.send<DescribeClusterCommandOutput>('eks', region, new DescribeClusterCommand({ name }))
        .catch((e: unknown) => { throw new FailedCall(caller.error(e, 'eks', 'DescribeCluster', region)); });
      const c = o.cluster ?? {};
      const vpc = c.resourcesVpcConfig ?? {};
      const arn = c.arn ?? name;
      return resource('aws.eks.cluster', where, {
        id: arn, name, tags: c.tags ?? {},
        data: {
          name, arn, version: c.version ?? null, status: c.status ?? '',
          endpointPublicAccess: vpc.endpointPublicAccess ?? true, endpointPrivateAccess: vpc.endpointPrivateAccess ?? false,
          publicAccessCidrs: vpc.publicAccessCidrs ?? [],
          encryptionConfig: (c.encryptionConfig ?? []).map((e) => ({ resources: e.resources ?? [], keyArn: e.provider?.keyArn ?? null })),
          enabledLogTypes: (c.logging?.clusterLogging ?? []).filter((l) => l.enabled).flatMap((l) => l.types ?? []),
        },
      });
    }));
  });
}

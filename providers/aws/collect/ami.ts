import { paginateDescribeImages } from '@aws-sdk/client-ec2';
import type { Listing } from '../../../src/core/inventory.js';
import { resource } from '../../../src/inventory/build.js';
import { partitionOf, type AwsCaller } from './caller.js';

/** The account's own AMIs in one region: DescribeImages(Owners=self) carries `Public` in bulk. */
export async function collectImages(caller: AwsCaller, region: string): Promise<Listing> {
  const where = { provider: 'aws' as const, account: caller.account, region };
  return caller.listing('aws.ec2.image', region, 'ec2', 'DescribeImages', async () => {
    const images = await caller.all('ec2', region, paginateDescribeImages, { Owners: ['self'] }, (p) => p.Images, 1000);
    return images.filter((i) => i.ImageId).map((i) => {
      const imageId = i.ImageId!;
      return resource('aws.ec2.image', where, {
        id: `arn:${partitionOf(region)}:ec2:${region}::image/${imageId}`, name: i.Name || imageId,
        data: { imageId, name: i.Name ?? '', public: i.Public ?? false, state: i.State ?? '', creationDate: i.CreationDate ?? null },
      });
    });
  });
}

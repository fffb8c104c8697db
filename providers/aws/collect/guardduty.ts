import { GetDetectorCommand, paginateListDetectors, type GetDetectorCommandOutput } from '@aws-sdk/client-guardduty';
import type { Listing } from '../../../src/core/inventory.js';
import { resource } from '../../../src/inventory/build.js';
import { partitionOf, type AwsCaller } from './caller.js';

/**
 * GuardDuty detectors of one region: ListDetectors, then GetDetector for each (a region has at
 * most one detector per account, so this is one extra call per region, not a fan-out).
 */
export async function collectGuardDuty(caller: AwsCaller, region: string): Promise<Listing> {
  const where = { provider: 'aws' as const, account: caller.account, region };
  return caller.listing('aws.guardduty.detector', region, 'guardduty', 'ListDetectors', async () => {
    const ids = await caller.all('guardduty', region, paginateListDetectors, {}, (p) => p.DetectorIds, 50);
    return Promise.all(ids.map(async (detectorId) => {
      const detail = await caller.observe('guardduty', region, new GetDetectorCommand({ DetectorId: detectorId }), (o: GetDetectorCommandOutput) => ({
        status: o.Status ?? '',
        findingPublishingFrequency: o.FindingPublishingFrequency ?? null,
        updatedAt: o.UpdatedAt ?? null,
      }));
      const arn = `arn:${partitionOf(region)}:guardduty:${region}:${caller.account}:detector/${detectorId}`;
      return resource('aws.guardduty.detector', where, { id: arn, name: detectorId, data: { detectorId, arn, detail } });
    }));
  });
}

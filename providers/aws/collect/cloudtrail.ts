import {
  DescribeTrailsCommand,
  GetEventSelectorsCommand,
  GetTrailStatusCommand,
  type DescribeTrailsCommandOutput,
  type GetEventSelectorsCommandOutput,
  type GetTrailStatusCommandOutput,
} from '@aws-sdk/client-cloudtrail';
import type { Listing } from '../../../src/core/inventory.js';
import type { Observed } from '../../../src/core/observed.js';
import { resource } from '../../../src/inventory/build.js';
import type { TrailEventSelectors, TrailStatus } from '../model/index.js';
import { iso, type AwsCaller } from './caller.js';

/** Basic or advanced event selectors, reduced to management and S3 object data events. */
export function eventSelectors(o: GetEventSelectorsCommandOutput): TrailEventSelectors {
  const management = { read: false, write: false };
  const s3 = { read: false, write: false };
  const add = (target: { read: boolean; write: boolean }, readWriteType: string | undefined) => {
    if (readWriteType === undefined || readWriteType === 'All') { target.read = true; target.write = true; }
    else if (readWriteType === 'ReadOnly') target.read = true;
    else if (readWriteType === 'WriteOnly') target.write = true;
  };
  for (const s of o.EventSelectors ?? []) {
    if (s.IncludeManagementEvents !== false) add(management, s.ReadWriteType ?? 'All');
    if ((s.DataResources ?? []).some((d) => d.Type === 'AWS::S3::Object')) add(s3, s.ReadWriteType ?? 'All');
  }
  for (const a of o.AdvancedEventSelectors ?? []) {
    const fields = a.FieldSelectors ?? [];
    const category = fields.find((f) => f.Field === 'eventCategory')?.Equals ?? [];
    const readOnly = fields.find((f) => f.Field === 'readOnly')?.Equals;
    const rw = readOnly?.length === 1 ? (readOnly[0] === 'true' ? 'ReadOnly' : 'WriteOnly') : 'All';
    if (category.includes('Management')) add(management, rw);
    if (category.includes('Data') && (fields.find((f) => f.Field === 'resources.type')?.Equals ?? []).includes('AWS::S3::Object')) add(s3, rw);
  }
  return { managementEvents: management, s3ObjectDataEvents: s3 };
}

/**
 * The trails that apply to one region (DescribeTrails with shadow trails). A multi-region trail
 * shows up in every region; its status and selectors are read once per account, by ARN (which
 * CloudTrail answers for a shadow trail from any region it covers, so no call leaves the scanned
 * regions), and shared by every region's listing.
 */
export async function collectCloudTrail(caller: AwsCaller, region: string, shared: Map<string, Promise<unknown>>): Promise<Listing> {
  const where = { provider: 'aws' as const, account: caller.account, region };
  const once = <T>(key: string, fetch: () => Promise<T>): Promise<T> => {
    let p = shared.get(key) as Promise<T> | undefined;
    if (!p) shared.set(key, (p = fetch()));
    return p;
  };
  return caller.listing('aws.cloudtrail.trail', region, 'cloudtrail', 'DescribeTrails', async () => {
    const output = await caller.send<DescribeTrailsCommandOutput>('cloudtrail', region, new DescribeTrailsCommand({ includeShadowTrails: true }));
    return Promise.all((output.trailList ?? []).map(async (t) => {
      const arn = t.TrailARN ?? t.Name ?? '';
      const home = t.HomeRegion ?? region;
      const [status, selectors] = await Promise.all([
        once<Observed<TrailStatus>>(`cloudtrail/status/${arn}`, () =>
          caller.observe('cloudtrail', region, new GetTrailStatusCommand({ Name: arn }), (o: GetTrailStatusCommandOutput) => ({
            isLogging: o.IsLogging ?? false,
            latestDeliveryTime: iso(o.LatestDeliveryTime),
            latestDeliveryError: o.LatestDeliveryError || null,
          }))),
        once<Observed<TrailEventSelectors>>(`cloudtrail/selectors/${arn}`, () =>
          caller.observe('cloudtrail', region, new GetEventSelectorsCommand({ TrailName: arn }), eventSelectors)),
      ]);
      return resource('aws.cloudtrail.trail', where, {
        id: arn, name: t.Name ?? arn,
        data: {
          name: t.Name ?? '', trailArn: arn, homeRegion: home, isMultiRegionTrail: t.IsMultiRegionTrail ?? false,
          isOrganizationTrail: t.IsOrganizationTrail ?? false, includeGlobalServiceEvents: t.IncludeGlobalServiceEvents ?? false,
          logFileValidationEnabled: t.LogFileValidationEnabled ?? false, kmsKeyId: t.KmsKeyId ?? null,
          s3BucketName: t.S3BucketName ?? null, cloudWatchLogsLogGroupArn: t.CloudWatchLogsLogGroupArn ?? null,
          status, eventSelectors: selectors,
        },
      });
    }));
  });
}

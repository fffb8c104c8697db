import { describe, expect, test } from 'vitest';
import { seen } from '../../../../src/core/observed.js';
import { runCheck, statuses } from '../../../support/checks.js';
import check from '../../../../checks/aws/cloudtrail/aws-cloudtrail-multi-region-trail-logging.js';
import { deniedFact, failedListingOf, listingOf, trail } from '../../../fixtures/aws.js';

const stopped = seen({ isLogging: false, latestDeliveryTime: null, latestDeliveryError: null });
const writeOnly = seen({ managementEvents: { read: false, write: true }, s3ObjectDataEvents: { read: false, write: false } });

describe(check.id, () => {
  const region = (name: string, trails: ReturnType<typeof trail>[]) => listingOf('aws.cloudtrail.trail', trails, name);

  test('one verdict per region', () => {
    const results = runCheck(check, [
      region('eu-west-1', [trail('org', {}, { region: 'eu-west-1' })]),
      region('eu-central-1', [trail('org', { homeRegion: 'eu-west-1' }, { region: 'eu-central-1' })]),
      region('us-east-1', []),
      region('us-west-2', [trail('local', { isMultiRegionTrail: false }, { region: 'us-west-2' })]),
      region('ap-south-1', [trail('stopped', { status: stopped }, { region: 'ap-south-1' }), trail('partial', { eventSelectors: writeOnly }, { region: 'ap-south-1' })]),
      region('sa-east-1', [trail('unknown', { status: deniedFact('cloudtrail:GetTrailStatus') }, { region: 'sa-east-1' })]),
      region('ca-central-1', [trail('unknown', { status: deniedFact('cloudtrail:GetTrailStatus') }, { region: 'ca-central-1' }), trail('good', {}, { region: 'ca-central-1' })]),
    ]);
    expect(results.map((r) => [r.resource.region, r.status])).toEqual([
      ['eu-west-1', 'PASS'], ['eu-central-1', 'PASS'], ['us-east-1', 'FAIL'], ['us-west-2', 'FAIL'], ['ap-south-1', 'FAIL'], ['sa-east-1', 'ERROR'], ['ca-central-1', 'PASS'],
    ]);
    expect(results[4]?.evidence).toMatchObject({ trails: [{ isLogging: false }, { isLogging: true, managementEvents: { read: false, write: true } }] });
    expect(results[5]?.error?.operation).toBe('cloudtrail:GetTrailStatus');
  });

  test('ERROR when trails could not be listed; an empty region is a FAIL, never NOT_APPLICABLE', () => {
    expect(runCheck(check, [failedListingOf('aws.cloudtrail.trail', 'cloudtrail:DescribeTrails')])[0]?.status).toBe('ERROR');
    expect(statuses(runCheck(check, [listingOf('aws.cloudtrail.trail', [])]))[0]?.[1]).not.toBe('NOT_APPLICABLE');
  });
});

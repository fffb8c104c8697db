import { describe, expect, test } from 'vitest';
import { seen } from '../../../../src/core/observed.js';
import { runCheck } from '../../../support/checks.js';
import check from '../../../../checks/aws/cloudtrail/aws-cloudtrail-region-covered-by-logging-trail.js';
import { deniedFact, failedListingOf, listingOf, trail } from '../../../fixtures/aws.js';

const stopped = seen({ isLogging: false, latestDeliveryTime: null, latestDeliveryError: null });
const writeOnly = seen({ managementEvents: { read: false, write: true }, s3ObjectDataEvents: { read: false, write: false } });

describe(check.id, () => {
  const region = (name: string, trails: ReturnType<typeof trail>[]) => listingOf('aws.cloudtrail.trail', trails, name);

  test('a region is covered by a logging multi-region trail (its shadow) or by a logging trail of its own', () => {
    const results = runCheck(check, [
      region('eu-west-1', [trail('org', {}, { region: 'eu-west-1' })]),
      region('eu-central-1', [trail('org', { homeRegion: 'eu-west-1' }, { region: 'eu-central-1' })]),
      region('us-west-2', [trail('local', { isMultiRegionTrail: false, eventSelectors: writeOnly }, { region: 'us-west-2' })]),
      region('us-east-1', []),
      region('ap-south-1', [trail('stopped', { status: stopped }, { region: 'ap-south-1' })]),
      region('ap-east-1', [trail('elsewhere', { isMultiRegionTrail: false, homeRegion: 'eu-west-1' }, { region: 'ap-east-1' })]),
      region('sa-east-1', [trail('unknown', { status: deniedFact('cloudtrail:GetTrailStatus') }, { region: 'sa-east-1' })]),
      region('ca-central-1', [trail('unknown', { status: deniedFact('cloudtrail:GetTrailStatus') }, { region: 'ca-central-1' }), trail('good', {}, { region: 'ca-central-1' })]),
    ]);
    expect(results.map((r) => [r.resource.region, r.status])).toEqual([
      ['eu-west-1', 'PASS'], ['eu-central-1', 'PASS'], ['us-west-2', 'PASS'], ['us-east-1', 'FAIL'], ['ap-south-1', 'FAIL'], ['ap-east-1', 'FAIL'], ['sa-east-1', 'ERROR'], ['ca-central-1', 'PASS'],
    ]);
    expect(results[3]?.message).toBe('No trail covers this region');
    expect(results[4]?.message).toBe('The trails covering this region are not logging');
    expect(results[6]?.error?.operation).toBe('cloudtrail:GetTrailStatus');
  });

  test('ERROR when trails could not be listed; an empty region is a FAIL, never NOT_APPLICABLE', () => {
    expect(runCheck(check, [failedListingOf('aws.cloudtrail.trail', 'cloudtrail:DescribeTrails')])[0]?.status).toBe('ERROR');
    expect(runCheck(check, [listingOf('aws.cloudtrail.trail', [])])[0]?.status).not.toBe('NOT_APPLICABLE');
  });
});

import { describe, expect, test } from 'vitest';
import { expectNotAssessed, runCheck, statuses } from '../../../support/checks.js';
import check from '../../../../checks/aws/account/aws-account-region-data-resident.js';
import { accountRegion, ebsSnapshot, ec2Instance, failedListingOf, listingOf, s3Bucket } from '../../../fixtures/aws.js';

describe(check.id, () => {
  const inventory = [
    listingOf('aws.account.region', [accountRegion('eu-west-1')], 'eu-west-1'),
    listingOf('aws.account.region', [accountRegion('us-east-1')], 'us-east-1'),
    listingOf('aws.account.region', [accountRegion('ap-south-1')], 'ap-south-1'),
    listingOf('aws.s3.bucket', [s3Bucket('eu-data', {}, { region: 'eu-west-1' })], 'eu-west-1'),
    listingOf('aws.s3.bucket', [s3Bucket('us-copy', {}, { region: 'us-east-1' })], 'us-east-1'),
    listingOf('aws.ec2.snapshot', [ebsSnapshot('snap-us', {}, { region: 'us-east-1' })], 'us-east-1'),
  ];

  test('allowed regions PASS; others FAIL when they hold data and PASS when empty', () => {
    const results = runCheck(check, inventory, { policy: { allowedRegions: { aws: ['eu-*'] } } });
    expect(statuses(results)).toEqual([['eu-west-1', 'PASS'], ['us-east-1', 'FAIL'], ['ap-south-1', 'PASS']]);
    expect(results[1]?.evidence).toMatchObject({
      region: 'us-east-1',
      resources: [{ type: 'aws.s3.bucket', id: 'arn:aws:s3:::us-copy' }, { type: 'aws.ec2.snapshot', id: expect.stringContaining('snap-us') }],
    });
  });

  test('terminated instances hold no data', () => {
    const results = runCheck(check, [
      listingOf('aws.account.region', [accountRegion('us-east-1')], 'us-east-1'),
      listingOf('aws.ec2.instance', [ec2Instance('i-gone', { state: 'terminated' }, { region: 'us-east-1' })], 'us-east-1'),
    ], { policy: { allowedRegions: { aws: ['eu-west-1'] } } });
    expect(results[0]).toMatchObject({ status: 'PASS', evidence: { resources: [] } });
  });

  test('NOT_ASSESSED, naming the setting and with the region as evidence, when no residency policy is set', () => {
    const results = runCheck(check, inventory);
    expect(results).toHaveLength(3);
    expectNotAssessed(results, 'policy.allowedRegions.aws');
    expect(results[1]?.evidence).toEqual({ region: 'us-east-1', allowedRegions: null });
  });

  test('NOT_APPLICABLE where no region was listed: nothing to judge, policy or not', () => {
    expect(runCheck(check, [listingOf('aws.account.region', [], 'eu-west-1')], { policy: { allowedRegions: { aws: ['eu-*'] } } })[0]?.status).toBe('NOT_APPLICABLE');
  });

  test('ERROR for a disallowed region whose data could not be listed', () => {
    const results = runCheck(check, [
      listingOf('aws.account.region', [accountRegion('us-east-1')], 'us-east-1'),
      failedListingOf('aws.ec2.snapshot', 'ec2:DescribeSnapshots', 'us-east-1'),
    ], { policy: { allowedRegions: { aws: ['eu-west-1'] } } });
    expect(results[0]).toMatchObject({ status: 'ERROR', error: { operation: 'ec2:DescribeSnapshots' } });
  });
});

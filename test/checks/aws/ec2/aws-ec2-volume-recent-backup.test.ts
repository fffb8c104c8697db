import { describe, expect, test } from 'vitest';
import { expectNotAssessed, runCheck, statuses } from '../../../support/checks.js';
import check from '../../../../checks/aws/ec2/aws-ec2-volume-recent-backup.js';
import { daysAgo, ebsSnapshot, ebsVolume, failedListingOf, listingOf, protectedResource, volumeArn } from '../../../fixtures/aws.js';

describe(check.id, () => {
  const volumes = [ebsVolume('vol-snap'), ebsVolume('vol-backup'), ebsVolume('vol-stale'), ebsVolume('vol-never')];
  const snapshots = [
    ebsSnapshot('snap-1', { volumeId: 'vol-snap', startTime: daysAgo(2) }),
    ebsSnapshot('snap-2', { volumeId: 'vol-stale', startTime: daysAgo(40) }),
    ebsSnapshot('snap-3', { volumeId: 'vol-never', startTime: daysAgo(1), state: 'error' }),
  ];
  const recoveryPoints = [protectedResource(volumeArn('vol-backup'), daysAgo(1)), protectedResource(volumeArn('vol-stale'), daysAgo(30))];

  test('a completed snapshot or recovery point inside the window PASSes, older or none FAILs', () => {
    const results = runCheck(check, [
      listingOf('aws.ec2.volume', volumes), listingOf('aws.ec2.snapshot', snapshots), listingOf('aws.backup.protected-resource', recoveryPoints),
    ]);
    expect(statuses(results)).toEqual([['vol-snap', 'PASS'], ['vol-backup', 'PASS'], ['vol-stale', 'FAIL'], ['vol-never', 'FAIL']]);
    expect(results[2]?.evidence).toEqual({ lastSnapshot: daysAgo(40), lastRecoveryPoint: daysAgo(30), ageDays: 30, windowDays: 7 });
    expect(results[3]?.evidence).toMatchObject({ lastSnapshot: null, lastRecoveryPoint: null, ageDays: null });
  });

  test('the window is a parameter; onlyCritical limits the duty to critical volumes', () => {
    const listings = [listingOf('aws.ec2.volume', volumes), listingOf('aws.ec2.snapshot', snapshots), listingOf('aws.backup.protected-resource', recoveryPoints)];
    expect(runCheck(check, listings, { params: { windowDays: 31 } })[2]?.status).toBe('PASS');
    const results = runCheck(check, listings, { params: { onlyCritical: true }, policy: { criticalResources: ['vol-snap'] } });
    expect(results.map((r) => r.status)).toEqual(['PASS', 'NOT_APPLICABLE', 'NOT_APPLICABLE', 'NOT_APPLICABLE']);
  });

  test('onlyCritical with no policy.criticalResources is NOT_ASSESSED', () => {
    const listings = [listingOf('aws.ec2.volume', volumes), listingOf('aws.ec2.snapshot', snapshots), listingOf('aws.backup.protected-resource', recoveryPoints)];
    expectNotAssessed(runCheck(check, listings, { params: { onlyCritical: true } }), 'policy.criticalResources');
  });

  test('ERROR when snapshots could not be listed in the region', () => {
    const results = runCheck(check, [listingOf('aws.ec2.volume', volumes), failedListingOf('aws.ec2.snapshot', 'ec2:DescribeSnapshots'), listingOf('aws.backup.protected-resource', [])]);
    expect(results.map((r) => r.status)).toEqual(['ERROR', 'ERROR', 'ERROR', 'ERROR']);
    expect(results[0]?.error?.operation).toBe('ec2:DescribeSnapshots');
  });
});

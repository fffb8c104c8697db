import { describe, expect, test } from 'vitest';
import { runCheck, statuses } from '../../../support/checks.js';
import check from '../../../../checks/aws/ec2/aws-ec2-snapshot-encrypted.js';
import { ebsSnapshot, failedListingOf, listingOf } from '../../../fixtures/aws.js';

describe(check.id, () => {
  test('PASS encrypted, FAIL unencrypted', () => {
    const results = runCheck(check, [listingOf('aws.ec2.snapshot', [ebsSnapshot('snap-enc'), ebsSnapshot('snap-plain', { encrypted: false, kmsKeyId: null })])]);
    expect(statuses(results)).toEqual([['snap-enc', 'PASS'], ['snap-plain', 'FAIL']]);
    expect(results[1]?.evidence).toEqual({ encrypted: false, volumeId: 'vol-1' });
  });

  test('ERROR when DescribeSnapshots failed, NOT_APPLICABLE without snapshots', () => {
    expect(runCheck(check, [failedListingOf('aws.ec2.snapshot', 'ec2:DescribeSnapshots')])[0]?.status).toBe('ERROR');
    expect(runCheck(check, [listingOf('aws.ec2.snapshot', [])])[0]?.status).toBe('NOT_APPLICABLE');
  });
});

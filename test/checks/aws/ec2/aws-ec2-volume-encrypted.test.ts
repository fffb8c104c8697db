import { describe, expect, test } from 'vitest';
import { runCheck, statuses } from '../../../support/checks.js';
import check from '../../../../checks/aws/ec2/aws-ec2-volume-encrypted.js';
import { ebsVolume, failedListingOf, listingOf } from '../../../fixtures/aws.js';

describe(check.id, () => {
  test('PASS encrypted, FAIL unencrypted', () => {
    const results = runCheck(check, [listingOf('aws.ec2.volume', [ebsVolume('vol-enc'), ebsVolume('vol-plain', { encrypted: false, kmsKeyId: null })])]);
    expect(statuses(results)).toEqual([['vol-enc', 'PASS'], ['vol-plain', 'FAIL']]);
    expect(results[1]?.evidence).toEqual({ encrypted: false, attachedTo: ['i-1'] });
  });

  test('ERROR when DescribeVolumes failed, NOT_APPLICABLE without volumes', () => {
    expect(runCheck(check, [failedListingOf('aws.ec2.volume', 'ec2:DescribeVolumes')])[0]?.status).toBe('ERROR');
    expect(runCheck(check, [listingOf('aws.ec2.volume', [])])[0]?.status).toBe('NOT_APPLICABLE');
  });
});

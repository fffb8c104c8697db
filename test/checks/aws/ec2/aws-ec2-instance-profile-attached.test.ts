import { describe, expect, test } from 'vitest';
import { runCheck, statuses } from '../../../support/checks.js';
import check from '../../../../checks/aws/ec2/aws-ec2-instance-profile-attached.js';
import { ec2Instance, failedListingOf, listingOf } from '../../../fixtures/aws.js';

describe(check.id, () => {
  test('PASS with a profile, FAIL without, NOT_APPLICABLE terminated', () => {
    const results = runCheck(check, [
      listingOf('aws.ec2.instance', [
        ec2Instance('i-role', { iamInstanceProfileArn: 'arn:aws:iam::111111111111:instance-profile/app' }),
        ec2Instance('i-keys'),
        ec2Instance('i-gone', { state: 'terminated' }),
      ]),
    ]);
    expect(statuses(results)).toEqual([['i-role', 'PASS'], ['i-keys', 'FAIL'], ['i-gone', 'NOT_APPLICABLE']]);
    expect(results[1]?.evidence).toEqual({ iamInstanceProfileArn: null });
  });

  test('ERROR when DescribeInstances failed', () => {
    expect(runCheck(check, [failedListingOf('aws.ec2.instance', 'ec2:DescribeInstances')])[0]?.status).toBe('ERROR');
  });
});

import { describe, expect, test } from 'vitest';
import { runCheck, statuses } from '../../../support/checks.js';
import check from '../../../../checks/aws/ec2/aws-ec2-instance-imdsv2-required.js';
import { ec2Instance, failedListingOf, listingOf } from '../../../fixtures/aws.js';

describe(check.id, () => {
  test('PASS required or disabled, FAIL optional, NOT_APPLICABLE terminated', () => {
    const results = runCheck(check, [
      listingOf('aws.ec2.instance', [
        ec2Instance('i-v2'),
        ec2Instance('i-v1', { metadataOptions: { httpTokens: 'optional', httpEndpoint: 'enabled', httpPutResponseHopLimit: 1 } }),
        ec2Instance('i-off', { metadataOptions: { httpTokens: 'optional', httpEndpoint: 'disabled', httpPutResponseHopLimit: 1 } }),
        ec2Instance('i-gone', { state: 'terminated', metadataOptions: { httpTokens: 'optional', httpEndpoint: 'enabled', httpPutResponseHopLimit: 1 } }),
      ]),
    ]);
    expect(statuses(results)).toEqual([['i-v2', 'PASS'], ['i-v1', 'FAIL'], ['i-off', 'PASS'], ['i-gone', 'NOT_APPLICABLE']]);
    expect(results[1]?.evidence).toEqual({ httpTokens: 'optional' });
  });

  test('ERROR when DescribeInstances failed', () => {
    expect(runCheck(check, [failedListingOf('aws.ec2.instance', 'ec2:DescribeInstances')])[0]?.status).toBe('ERROR');
  });
});

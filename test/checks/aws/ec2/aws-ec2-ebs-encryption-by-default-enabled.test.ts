import { describe, expect, test } from 'vitest';
import { runCheck, statuses } from '../../../support/checks.js';
import check from '../../../../checks/aws/ec2/aws-ec2-ebs-encryption-by-default-enabled.js';
import { ebsEncryptionDefault, failedListingOf, listingOf } from '../../../fixtures/aws.js';

describe(check.id, () => {
  test('one verdict per region: PASS when on, FAIL when off, ERROR when the region could not be read', () => {
    const results = runCheck(check, [
      listingOf('aws.ec2.ebs-encryption-default', [ebsEncryptionDefault(true, { region: 'eu-west-1' })]),
      listingOf('aws.ec2.ebs-encryption-default', [ebsEncryptionDefault(false, { region: 'eu-central-1' })]),
      failedListingOf('aws.ec2.ebs-encryption-default', 'ec2:GetEbsEncryptionByDefault', 'us-east-1'),
    ]);
    expect(results.map((r) => [r.resource.region, r.status])).toEqual([['eu-west-1', 'PASS'], ['eu-central-1', 'FAIL'], ['us-east-1', 'ERROR']]);
    expect(results[1]?.evidence).toEqual({ ebsEncryptionByDefault: false });
    expect(results[2]?.error?.operation).toBe('ec2:GetEbsEncryptionByDefault');
  });

  test('NOT_APPLICABLE when the region listed no setting', () => {
    expect(statuses(runCheck(check, [listingOf('aws.ec2.ebs-encryption-default', [])]))[0]?.[1]).toBe('NOT_APPLICABLE');
  });
});

import { describe, expect, test } from 'vitest';
import { runCheck, statuses } from '../../../support/checks.js';
import check from '../../../../checks/aws/ec2/aws-ec2-image-not-public.js';
import { failedListingOf, listingOf } from '../../../fixtures/aws.js';
import { ec2Image } from '../../../fixtures/aws-edge.js';

describe(check.id, () => {
  test('PASS private, FAIL public, ERROR for a failed DescribeImages, NOT_APPLICABLE without images', () => {
    expect(statuses(runCheck(check, [listingOf('aws.ec2.image', [ec2Image('ami-private'), ec2Image('ami-public', { public: true })])])))
      .toEqual([['ami-private', 'PASS'], ['ami-public', 'FAIL']]);
    expect(runCheck(check, [failedListingOf('aws.ec2.image', 'ec2:DescribeImages')])[0]).toMatchObject({ status: 'ERROR', error: { operation: 'ec2:DescribeImages' } });
    expect(runCheck(check, [listingOf('aws.ec2.image', [])])[0]?.status).toBe('NOT_APPLICABLE');
  });
});

import { describe, expect, test } from 'vitest';
import { runCheck, statuses } from '../../../support/checks.js';
import check from '../../../../checks/aws/rds/aws-rds-instance-not-public.js';
import { failedListingOf, listingOf, rdsInstance } from '../../../fixtures/aws.js';

describe(check.id, () => {
  test('PASS and FAIL per resource', () => {
    const results = runCheck(check, [listingOf('aws.rds.instance', [rdsInstance('good', {}), rdsInstance('bad', { publiclyAccessible: true })])]);
    expect(statuses(results)).toEqual([['good', 'PASS'], ['bad', 'FAIL']]);
    expect(results[1]?.evidence).toMatchObject({ publiclyAccessible: true });
  });

  test('ERROR when the listing failed, NOT_APPLICABLE when empty', () => {
    expect(runCheck(check, [failedListingOf('aws.rds.instance', 'rds:DescribeDBInstances')])[0]?.status).toBe('ERROR');
    expect(runCheck(check, [listingOf('aws.rds.instance', [])])[0]?.status).toBe('NOT_APPLICABLE');
  });

});

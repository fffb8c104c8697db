import { describe, expect, test } from 'vitest';
import { runCheck, statuses } from '../../../support/checks.js';
import check from '../../../../checks/aws/rds/aws-rds-instance-backup-retention.js';
import { failedListingOf, listingOf, rdsInstance } from '../../../fixtures/aws.js';

describe(check.id, () => {
  test('PASS and FAIL per resource', () => {
    const results = runCheck(check, [listingOf('aws.rds.instance', [rdsInstance('good', {}), rdsInstance('bad', { backupRetentionPeriod: 0 })])]);
    expect(statuses(results)).toEqual([['good', 'PASS'], ['bad', 'FAIL']]);
    expect(results[1]?.evidence).toMatchObject({ backupRetentionPeriod: 0, minRetentionDays: 7 });
  });

  test('ERROR when the listing failed, NOT_APPLICABLE when empty', () => {
    expect(runCheck(check, [failedListingOf('aws.rds.instance', 'rds:DescribeDBInstances')])[0]?.status).toBe('ERROR');
    expect(runCheck(check, [listingOf('aws.rds.instance', [])])[0]?.status).toBe('NOT_APPLICABLE');
  });

  test('a short retention FAILs against the parameter; cluster members are NOT_APPLICABLE', () => {
    const results = runCheck(check, [listingOf('aws.rds.instance', [rdsInstance('short', { backupRetentionPeriod: 3 }), rdsInstance('aurora-1', { dbClusterIdentifier: 'aurora' })])], { params: { minRetentionDays: 5 } });
    expect(statuses(results)).toEqual([['short', 'FAIL'], ['aurora-1', 'NOT_APPLICABLE']]);
  });
});

import { describe, expect, test } from 'vitest';
import { runCheck, statuses } from '../../../support/checks.js';
import check from '../../../../checks/aws/rds/aws-rds-cluster-storage-encrypted.js';
import { failedListingOf, listingOf, rdsCluster } from '../../../fixtures/aws.js';

describe(check.id, () => {
  test('PASS and FAIL per resource', () => {
    const results = runCheck(check, [listingOf('aws.rds.cluster', [rdsCluster('good', {}), rdsCluster('bad', { storageEncrypted: false, kmsKeyId: null })])]);
    expect(statuses(results)).toEqual([['good', 'PASS'], ['bad', 'FAIL']]);
    expect(results[1]?.evidence).toMatchObject({ storageEncrypted: false });
  });

  test('ERROR when the listing failed, NOT_APPLICABLE when empty', () => {
    expect(runCheck(check, [failedListingOf('aws.rds.cluster', 'rds:DescribeDBClusters')])[0]?.status).toBe('ERROR');
    expect(runCheck(check, [listingOf('aws.rds.cluster', [])])[0]?.status).toBe('NOT_APPLICABLE');
  });

});

import { describe, expect, test } from 'vitest';
import check from '../../../../checks/aws/rds/aws-rds-cluster-snapshot-not-public.js';
import { clusterSnapshot } from '../../../fixtures/aws-data.js';
import { settingCases } from '../lib/data-cases.js';
import { seen } from '../../../../src/core/observed.js';
import { deniedFact } from '../../../fixtures/aws.js';
import { runCheck, statuses } from '../../../support/checks.js';
import { listingOf } from '../../../fixtures/aws.js';

describe(check.id, () => {
  settingCases(check, 'aws.rds.cluster-snapshot', 'rds:DescribeDBClusterSnapshots', clusterSnapshot('good'), clusterSnapshot('bad', { restorers: seen(['222233334444', 'all']) }), { restorers: ['222233334444', 'all'] });

  test('PASS when shared with named accounts only; NOT_APPLICABLE for automated snapshots; ERROR when the restore attribute could not be read', () => {
    const results = runCheck(check, [listingOf('aws.rds.cluster-snapshot', [
      clusterSnapshot('named', { restorers: seen(['222233334444']) }),
      clusterSnapshot('automated', { snapshotType: 'automated', restorers: null }),
      clusterSnapshot('hidden', { restorers: deniedFact('rds:DescribeDBClusterSnapshotAttributes') }),
    ])]);
    expect(statuses(results)).toEqual([['named', 'PASS'], ['automated', 'NOT_APPLICABLE'], ['hidden', 'ERROR']]);
    expect(results[2]?.error?.operation).toBe('rds:DescribeDBClusterSnapshotAttributes');
  });
});

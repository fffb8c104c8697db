import { describe, expect, test } from 'vitest';
import check from '../../../../checks/aws/rds/aws-rds-db-snapshot-not-public.js';
import { dbSnapshot } from '../../../fixtures/aws-data.js';
import { settingCases } from '../lib/data-cases.js';
import { seen } from '../../../../src/core/observed.js';
import { deniedFact } from '../../../fixtures/aws.js';
import { runCheck, statuses } from '../../../support/checks.js';
import { listingOf } from '../../../fixtures/aws.js';

describe(check.id, () => {
  settingCases(check, 'aws.rds.db-snapshot', 'rds:DescribeDBSnapshots', dbSnapshot('good'), dbSnapshot('bad', { restorers: seen(['222233334444', 'all']) }), { restorers: ['222233334444', 'all'] });

  test('PASS when shared with named accounts only; NOT_APPLICABLE for automated snapshots; ERROR when the restore attribute could not be read', () => {
    const results = runCheck(check, [listingOf('aws.rds.db-snapshot', [
      dbSnapshot('named', { restorers: seen(['222233334444']) }),
      dbSnapshot('automated', { snapshotType: 'automated', restorers: null }),
      dbSnapshot('hidden', { restorers: deniedFact('rds:DescribeDBSnapshotAttributes') }),
    ])]);
    expect(statuses(results)).toEqual([['named', 'PASS'], ['automated', 'NOT_APPLICABLE'], ['hidden', 'ERROR']]);
    expect(results[2]?.error?.operation).toBe('rds:DescribeDBSnapshotAttributes');
  });
});

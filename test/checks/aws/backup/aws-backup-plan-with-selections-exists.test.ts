import { describe, expect, test } from 'vitest';
import { seen } from '../../../../src/core/observed.js';
import { runCheck } from '../../../support/checks.js';
import check from '../../../../checks/aws/backup/aws-backup-plan-with-selections-exists.js';
import { backupPlan, deniedFact, ebsVolume, failedListingOf, listingOf, rdsInstance } from '../../../fixtures/aws.js';

describe(check.id, () => {
  const data = [listingOf('aws.ec2.volume', [ebsVolume('vol-1')]), listingOf('aws.rds.instance', [rdsInstance('db')]), listingOf('aws.rds.cluster', [])];
  const run = (plans: ReturnType<typeof backupPlan>[], others = data) => runCheck(check, [listingOf('aws.backup.plan', plans), ...others])[0];

  test('PASS with a scheduled plan that selects resources', () => {
    expect(run([backupPlan('daily')])).toMatchObject({ status: 'PASS', evidence: { plans: ['daily'] } });
  });

  test('FAIL with no plan, or only plans without selections or schedules', () => {
    expect(run([])).toMatchObject({ status: 'FAIL', evidence: { plans: [], dataHolders: 2 } });
    expect(run([backupPlan('empty', { selections: seen([]) })])?.status).toBe('FAIL');
    expect(run([backupPlan('manual', { rules: seen([{ ruleName: 'r', targetBackupVaultName: 'v', scheduleExpression: null, deleteAfterDays: null, moveToColdStorageAfterDays: null }]) })])?.status).toBe('FAIL');
  });

  test('NOT_APPLICABLE when nothing in the region needs backing up', () => {
    expect(run([], [listingOf('aws.ec2.volume', []), listingOf('aws.rds.instance', []), listingOf('aws.rds.cluster', [])])?.status).toBe('NOT_APPLICABLE');
  });

  test('ERROR when the only candidate plan could not be read, or plans could not be listed', () => {
    expect(run([backupPlan('denied', { selections: deniedFact('backup:ListBackupSelections') })])?.status).toBe('ERROR');
    expect(run([backupPlan('denied', { selections: deniedFact('backup:ListBackupSelections') }), backupPlan('daily')])?.status).toBe('PASS');
    expect(runCheck(check, [failedListingOf('aws.backup.plan', 'backup:ListBackupPlans'), ...data])[0]?.status).toBe('ERROR');
  });
});

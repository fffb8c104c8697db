import { describe, expect, test } from 'vitest';
import { runCheck, statuses } from '../../../support/checks.js';
import check from '../../../../checks/aws/backup/aws-backup-vault-lock-enabled.js';
import { failedListingOf, listingOf } from '../../../fixtures/aws.js';
import { backupVault } from '../../../fixtures/aws-edge.js';

describe(check.id, () => {
  test('PASS locked, FAIL unlocked with recovery points, NOT_APPLICABLE for an empty vault, ERROR for a failed listing', () => {
    const results = runCheck(check, [listingOf('aws.backup.vault', [
      backupVault('locked'), backupVault('open', { locked: false, minRetentionDays: null, maxRetentionDays: null }), backupVault('empty', { locked: false, numberOfRecoveryPoints: 0 }),
    ])]);
    expect(statuses(results)).toEqual([['locked', 'PASS'], ['open', 'FAIL'], ['empty', 'NOT_APPLICABLE']]);
    expect(results[0]?.message).toBe('Locked, minimum retention 7 days');
    expect(results[1]?.message).toBe('Not locked, 10 recovery point(s) deletable');
    expect(runCheck(check, [failedListingOf('aws.backup.vault', 'backup:ListBackupVaults')])[0]?.status).toBe('ERROR');
  });
});

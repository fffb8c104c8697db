import { describe, expect, test } from 'vitest';
import { seen } from '../../../../src/core/observed.js';
import { runCheck, statuses } from '../../../support/checks.js';
import check from '../../../../checks/aws/backup/aws-backup-vault-policy-not-public.js';
import { deniedFact, doc, failedListingOf, listingOf } from '../../../fixtures/aws.js';
import { backupVault, openTo } from '../../../fixtures/aws-edge.js';

describe(check.id, () => {
  test('PASS without a policy or with a Deny-only one, FAIL for "*", ERROR when unread, NOT_APPLICABLE without vaults', () => {
    const results = runCheck(check, [listingOf('aws.backup.vault', [
      backupVault('none'),
      backupVault('deny-delete', { policy: seen(doc({ Effect: 'Deny', Principal: '*', Action: 'backup:DeleteRecoveryPoint', Resource: '*' })) }),
      backupVault('open', { policy: seen(openTo('backup:CopyFromBackupVault')) }),
      backupVault('unread', { policy: deniedFact('backup:GetBackupVaultAccessPolicy') }),
    ])]);
    expect(statuses(results)).toEqual([['none', 'PASS'], ['deny-delete', 'PASS'], ['open', 'FAIL'], ['unread', 'ERROR']]);
    expect(runCheck(check, [failedListingOf('aws.backup.vault', 'backup:ListBackupVaults')])[0]?.status).toBe('ERROR');
    expect(runCheck(check, [listingOf('aws.backup.vault', [])])[0]?.status).toBe('NOT_APPLICABLE');
  });
});

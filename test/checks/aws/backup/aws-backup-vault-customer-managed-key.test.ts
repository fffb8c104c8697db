import { describe, expect, test } from 'vitest';
import { seen } from '../../../../src/core/observed.js';
import { runCheck, statuses } from '../../../support/checks.js';
import check from '../../../../checks/aws/backup/aws-backup-vault-customer-managed-key.js';
import { CUSTOMER_KEY, failedListingOf, kmsKey, listingOf } from '../../../fixtures/aws.js';
import { backupVault } from '../../../fixtures/aws-edge.js';

describe(check.id, () => {
  const keys = listingOf('aws.kms.key', [kmsKey('backup-cmk'), kmsKey('aws-backup', { metadata: seen({ ...CUSTOMER_KEY, keyManager: 'AWS' }) })]);

  test('PASS with a customer key, FAIL with aws/backup, NOT_APPLICABLE for air-gapped vaults, ERROR when the keys are unknown', () => {
    const results = runCheck(check, [keys, listingOf('aws.backup.vault', [
      backupVault('cmk'),
      backupVault('default', { encryptionKeyArn: 'arn:aws:kms:eu-west-1:111111111111:key/aws-backup' }),
      backupVault('air-gapped', { vaultType: 'LOGICALLY_AIR_GAPPED_BACKUP_VAULT', encryptionKeyArn: null }),
    ])]);
    expect(statuses(results)).toEqual([['cmk', 'PASS'], ['default', 'FAIL'], ['air-gapped', 'NOT_APPLICABLE']]);
    expect(runCheck(check, [failedListingOf('aws.kms.key', 'kms:ListKeys'), listingOf('aws.backup.vault', [backupVault('cmk')])])[0]?.status).toBe('ERROR');
    expect(runCheck(check, [keys, failedListingOf('aws.backup.vault', 'backup:ListBackupVaults')])[0]?.status).toBe('ERROR');
  });
});

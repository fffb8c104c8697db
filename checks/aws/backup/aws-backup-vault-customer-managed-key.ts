import { defineCheck } from '../../../src/core/check.js';
import { keyManager } from '../lib/keys.js';

export default defineCheck({
  id: 'aws-backup-vault-customer-managed-key',
  title: 'Backup vaults encrypt recovery points with a customer-managed KMS key',
  provider: 'aws',
  service: 'backup',
  resourceType: 'aws.backup.vault',
  uses: ['aws.kms.key'],
  duty: 'encryption-at-rest',
  severity: 'low',
  rationale: 'With the AWS managed key aws/backup, decrypting a recovery point needs only Backup permissions; a customer-managed key adds a key policy the organisation controls and is needed to copy backups to another account. The key is chosen when the vault is created.',
  remediation: {
    text: 'Create a vault with a customer-managed key and point the backup plans at it.',
    cli: 'aws backup create-backup-vault --backup-vault-name VAULT --encryption-key-arn KEY_ARN',
  },
  assess(vault, ctx) {
    if (vault.data.vaultType !== 'BACKUP_VAULT') return ctx.notApplicable(`A ${vault.data.vaultType}: AWS owns its key`, { vaultType: vault.data.vaultType });
    const { manager, key } = keyManager(vault.data.encryptionKeyArn, ctx);
    return manager === 'customer'
      ? ctx.pass(`Encrypted with customer-managed key ${key}`, { encryptionKeyArn: key, keyManager: manager })
      : ctx.fail('Encrypted with the AWS managed key aws/backup', { encryptionKeyArn: key, keyManager: manager });
  },
});

import { defineCheck } from '../../../src/core/check.js';

export default defineCheck({
  id: 'aws-backup-vault-lock-enabled',
  title: 'Backup vaults holding recovery points are locked',
  provider: 'aws',
  service: 'backup',
  resourceType: 'aws.backup.vault',
  duty: 'backups',
  severity: 'high',
  rationale: 'Vault Lock stops anyone, the root user and ransomware holding admin credentials included, from deleting recovery points or shortening their retention. Without it the backups fall with the account.',
  remediation: {
    text: 'Apply Vault Lock with a minimum retention (compliance mode after the grace period makes it permanent).',
    cli: 'aws backup put-backup-vault-lock-configuration --backup-vault-name VAULT --min-retention-days 7 --changeable-for-days 3',
  },
  assess(vault, ctx) {
    const { locked, minRetentionDays, maxRetentionDays, lockDate, vaultType, numberOfRecoveryPoints } = vault.data;
    const evidence = { locked, mode: lockDate ? 'compliance' : locked ? 'governance' : null, minRetentionDays, maxRetentionDays, lockDate, vaultType, numberOfRecoveryPoints };
    if (locked) return ctx.pass(`Locked${minRetentionDays !== null ? `, minimum retention ${minRetentionDays} days` : ''}`, evidence);
    if (numberOfRecoveryPoints === 0) return ctx.notApplicable('The vault holds no recovery points', evidence);
    return ctx.fail(`Not locked, ${numberOfRecoveryPoints} recovery point(s) deletable`, evidence);
  },
});

import type { Observed } from '../../../src/core/observed.js';
import type { PolicyDocument } from './policy-document.js';

/** AWS Backup vaults (regional): `backup:ListBackupVaults` (lock and key in bulk), then `backup:GetBackupVaultAccessPolicy` per vault. */

/** `aws.backup.vault`; `Resource.id` is the vault ARN. */
export interface BackupVault {
  readonly name: string;
  readonly arn: string;
  /** `BACKUP_VAULT` or `LOGICALLY_AIR_GAPPED_BACKUP_VAULT` */
  readonly vaultType: string;
  readonly encryptionKeyArn: string | null;
  /** Vault Lock applied (governance or compliance mode). */
  readonly locked: boolean;
  readonly minRetentionDays: number | null;
  readonly maxRetentionDays: number | null;
  /** When compliance mode becomes immutable; null for governance mode. */
  readonly lockDate: string | null;
  readonly numberOfRecoveryPoints: number;
  /** null: no access policy. */
  readonly policy: Observed<PolicyDocument | null>;
}

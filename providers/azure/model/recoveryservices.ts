/** `azure.recoveryservices.vault`: a Recovery Services vault. */
export interface AzureRecoveryVault {
  readonly resourceGroup: string;
  /** `Enabled`, `AlwaysON` (irreversible), `Disabled`; null when the vault does not report it. */
  readonly softDeleteState: string | null;
  readonly softDeleteRetentionDays: number | null;
  /** `Disabled`, `Unlocked`, `Locked` (irreversible); null: never set (disabled). */
  readonly immutabilityState: string | null;
  readonly publicNetworkAccess: string | null;
  /** `GeoRedundant`, `ZoneRedundant`, `LocallyRedundant`. */
  readonly storageRedundancy: string | null;
}

declare module '../../../src/core/resource.js' {
  interface ResourceTypes {
    'azure.recoveryservices.vault': AzureRecoveryVault;
  }
}

/** `azure.cosmosdb.account`: a Cosmos DB database account (every API: NoSQL, MongoDB, Cassandra, ...). */
export interface AzureCosmosAccount {
  readonly resourceGroup: string;
  /** `Enabled`, `Disabled`, `SecuredByPerimeter`; null: not set (enabled). */
  readonly publicNetworkAccess: string | null;
  /** The IP firewall; empty with public access enabled means every network. */
  readonly ipRules: readonly string[];
  readonly virtualNetworkFilter: boolean;
  /** The customer-managed key; null: encrypted with service-managed keys. */
  readonly keyVaultKeyUri: string | null;
  /** `Periodic` or `Continuous`. */
  readonly backupType: string | null;
  /** `Continuous7Days` or `Continuous30Days` for continuous backup. */
  readonly continuousTier: string | null;
  /** Periodic backup: how long each backup is kept. */
  readonly periodicRetentionHours: number | null;
  /** Keys and resource tokens refused: Entra ID only. */
  readonly disableLocalAuth: boolean;
  /** `Tls`, `Tls11`, `Tls12`; null: not set (the service default, TLS 1.2 since 2025). */
  readonly minimalTlsVersion: string | null;
}

declare module '../../../src/core/resource.js' {
  interface ResourceTypes {
    'azure.cosmosdb.account': AzureCosmosAccount;
  }
}

import type { Observed } from '../../../src/core/observed.js';
import type { AzureFirewallRule } from './flexible.js';

export type * from './aks.js';
export type * from './appservice.js';
export type * from './cosmosdb.js';
export type * from './entra-policy.js';
export type * from './flexible.js';
export type * from './policy.js';
export type * from './recoveryservices.js';

/**
 * The Azure inventory model. Scopes: every subscription is one account whose listings use the
 * region `global` (ARM and Resource Graph answer per subscription, not per location); a
 * resource's own `region` is its Azure location (`westeurope`). The Entra tenant is an account of
 * its own (the tenant id), carrying the users, so tenant-wide facts yield one result, not one per
 * subscription. Resource ids are ARM ids; Resource Graph lower-cases some of them, so collectors
 * keep ARM's spelling where they have it and checks compare ids case-insensitively.
 */

export interface AzureRoleAssignment {
  readonly principalId: string;
  /** `User`, `Group`, `ServicePrincipal`, `ForeignGroup`, ... */
  readonly principalType: string;
  /** `/subscriptions/<id>`, a management group, or `/`. */
  readonly scope: string;
  readonly roleDefinitionId: string;
}

export interface AzureDiagnosticLogCategory {
  /** `Administrative`, `Security`, `Alert`, `Policy`, ... or a category group such as `allLogs`. */
  readonly category: string;
  readonly enabled: boolean;
  /** Retention of the storage-account destination; null when not set (kept forever). */
  readonly retentionDays: number | null;
}

export interface AzureDiagnosticSetting {
  readonly name: string;
  readonly storageAccountId: string | null;
  readonly workspaceId: string | null;
  readonly eventHubAuthorizationRuleId: string | null;
  readonly marketplacePartnerId: string | null;
  readonly logs: readonly AzureDiagnosticLogCategory[];
}

export interface AzureDefenderPlan {
  /** `VirtualMachines`, `StorageAccounts`, `SqlServers`, `KeyVaults`, `Arm`, ... */
  readonly name: string;
  /** `Free` or `Standard`. */
  readonly pricingTier: string;
  readonly subPlan: string | null;
}

/** `azure.subscription`: subscription-wide settings, each read by its own call. */
export interface AzureSubscription {
  readonly subscriptionId: string;
  readonly displayName: string;
  /** `Enabled`, `Warned`, `PastDue`, `Disabled`, `Deleted`. */
  readonly state: string;
  /** Owner role assignments that apply to the subscription (set on it or inherited from above). */
  readonly ownerAssignments: Observed<readonly AzureRoleAssignment[]>;
  /** The activity log's diagnostic settings (`diagnosticSettings.list("subscriptions/<id>")`). */
  readonly activityLogSettings: Observed<readonly AzureDiagnosticSetting[]>;
  readonly defenderPlans: Observed<readonly AzureDefenderPlan[]>;
}

/** `azure.authorization.custom-role`: a custom role definition visible in the subscription. */
export interface AzureCustomRole {
  readonly roleName: string;
  readonly description: string | null;
  readonly actions: readonly string[];
  readonly notActions: readonly string[];
  readonly assignableScopes: readonly string[];
}

/** `azure.entra.user`: one row of the Entra MFA registration report. */
export interface AzureEntraUser {
  readonly userPrincipalName: string;
  readonly displayName: string | null;
  /** `member` or `guest`. */
  readonly userType: string;
  /** Holds an Entra admin role. */
  readonly isAdmin: boolean;
  readonly isMfaRegistered: boolean;
  readonly isMfaCapable: boolean;
  readonly methodsRegistered: readonly string[];
}

/** `azure.resources.resource-group`. */
export interface AzureResourceGroup {
  readonly managedBy: string | null;
}

/** `azure.resources.resource`: any ARM resource, as the generic listing shows it. */
export interface AzureGenericResource {
  /** ARM type, e.g. `Microsoft.Storage/storageAccounts`. */
  readonly resourceType: string;
  readonly resourceGroup: string;
  readonly kind: string | null;
}

/** `azure.storage.account`. Properties the API leaves out are null; the checks say what null means. */
export interface AzureStorageAccount {
  readonly resourceGroup: string;
  readonly kind: string | null;
  readonly httpsTrafficOnly: boolean | null;
  /** `TLS1_0`, `TLS1_1`, `TLS1_2`, `TLS1_3`; null: not set (the service then accepts TLS 1.0). */
  readonly minimumTlsVersion: string | null;
  readonly allowBlobPublicAccess: boolean | null;
  /** null is documented as equivalent to true. */
  readonly allowSharedKeyAccess: boolean | null;
  readonly infrastructureEncryption: boolean;
  /** `Microsoft.Storage` (platform keys) or `Microsoft.Keyvault` (customer-managed keys). */
  readonly keySource: string;
  readonly keyVaultUri: string | null;
  readonly networkDefaultAction: string | null;
  readonly publicNetworkAccess: string | null;
  /** The blob service's data protection (`blobServices/default`); null: the account has no blob service (FileStorage). */
  readonly blobService: Observed<AzureBlobServiceSettings | null>;
}

export interface AzureBlobServiceSettings {
  /** Blob soft delete: days deleted blobs are kept; null: off. */
  readonly blobSoftDeleteDays: number | null;
  /** Container soft delete: days deleted containers are kept; null: off. */
  readonly containerSoftDeleteDays: number | null;
  readonly versioning: boolean;
}

/** `azure.compute.disk`: a managed disk, attached or not. */
export interface AzureManagedDisk {
  readonly resourceGroup: string;
  /** `EncryptionAtRestWithPlatformKey`, `EncryptionAtRestWithCustomerKey`, `EncryptionAtRestWithPlatformAndCustomerKeys`. */
  readonly encryptionType: string;
  readonly diskEncryptionSetId: string | null;
  /** Azure Disk Encryption (BitLocker/dm-crypt inside the guest). */
  readonly adeEnabled: boolean;
  /** The VM it is attached to; null when unattached. */
  readonly managedBy: string | null;
  /** `Attached`, `Unattached`, `Reserved`, `ActiveSAS`, ... */
  readonly diskState: string | null;
  /** `Enabled` or `Disabled`: whether an export (SAS) URL may be used from the Internet; null: not set (enabled). */
  readonly publicNetworkAccess: string | null;
  /** `AllowAll`, `AllowPrivate` (through a disk access), `DenyAll`; null: not set (AllowAll). */
  readonly networkAccessPolicy: string | null;
}

/** `azure.compute.vm`. */
export interface AzureVirtualMachine {
  readonly resourceGroup: string;
  readonly vmId: string | null;
  readonly osType: string | null;
  readonly encryptionAtHost: boolean;
  /** `SystemAssigned`, `UserAssigned`, `SystemAssigned, UserAssigned`, or null. */
  readonly identityType: string | null;
}

export interface AzureNsgRule {
  readonly name: string;
  readonly priority: number;
  /** `Inbound` or `Outbound`. */
  readonly direction: string;
  /** `Allow` or `Deny`. */
  readonly access: string;
  /** `Tcp`, `Udp`, `Icmp`, `Esp`, `Ah`, `*`. */
  readonly protocol: string;
  /** `sourceAddressPrefix` and `sourceAddressPrefixes` together: `*`, `Internet`, `0.0.0.0/0`, CIDRs, tags. */
  readonly sourcePrefixes: readonly string[];
  /** `destinationPortRange(s)`: `*`, `22`, `1000-2000`. */
  readonly destinationPorts: readonly string[];
}

/** `azure.network.nsg`: custom rules only (the defaults allow nothing from the Internet). */
export interface AzureNetworkSecurityGroup {
  readonly resourceGroup: string;
  readonly rules: readonly AzureNsgRule[];
}

export interface AzureVaultItem {
  readonly name: string;
  readonly enabled: boolean;
  /** ISO time, or null when the item never expires. */
  readonly expires: string | null;
}

/** `azure.keyvault.vault`. */
export interface AzureKeyVault {
  readonly resourceGroup: string;
  /** Soft delete is always on for vaults created since 2020; older ones may report false. */
  readonly softDelete: boolean;
  readonly softDeleteRetentionDays: number | null;
  readonly purgeProtection: boolean;
  readonly rbacAuthorization: boolean;
  readonly publicNetworkAccess: string | null;
  /** The vault firewall (`networkAcls.defaultAction`): `Allow` or `Deny`; null: not set (allow). */
  readonly networkDefaultAction: string | null;
  /** Key metadata through ARM (`Microsoft.KeyVault/vaults/keys/read`). */
  readonly keys: Observed<readonly AzureVaultItem[]>;
  /** Secret metadata through ARM, never values (`Microsoft.KeyVault/vaults/secrets/read`). */
  readonly secrets: Observed<readonly AzureVaultItem[]>;
}

export interface AzureSqlAuditing {
  /** `Enabled` or `Disabled`. */
  readonly state: string;
  /** 0 means unlimited. */
  readonly retentionDays: number;
  readonly storageEndpoint: string | null;
  readonly logAnalytics: boolean;
}

/** `azure.sql.server`: a logical SQL server. */
export interface AzureSqlServer {
  readonly resourceGroup: string;
  /** `Enabled`, `Disabled`, `SecuredByPerimeter`; null on old servers (enabled). */
  readonly publicNetworkAccess: string | null;
  readonly auditing: Observed<AzureSqlAuditing>;
  /** Server-level firewall rules (`Microsoft.Sql/servers/firewallRules/read`). */
  readonly firewallRules: Observed<readonly AzureFirewallRule[]>;
}

/** `azure.sql.database`: a user database (the `master` database is left out). */
export interface AzureSqlDatabase {
  readonly resourceGroup: string;
  readonly serverName: string;
  /** Transparent data encryption state: `Enabled` or `Disabled`. */
  readonly tde: Observed<string>;
}

/** `azure.backup.protected-item`: something a Recovery Services vault backs up. */
export interface AzureBackupProtectedItem {
  readonly vaultId: string;
  /** The protected resource (a VM id for Azure VM backups). */
  readonly sourceResourceId: string;
  /** `Microsoft.Compute/virtualMachines`, `AzureFileShare`, ... */
  readonly workloadType: string;
  /** `Protected`, `ProtectionStopped`, `ProtectionPaused`, `IRPending`, `ProtectionError`. */
  readonly protectionState: string;
  readonly policyName: string | null;
  readonly lastBackupTime: string | null;
}

declare module '../../../src/core/resource.js' {
  interface ResourceTypes {
    'azure.subscription': AzureSubscription;
    'azure.authorization.custom-role': AzureCustomRole;
    'azure.entra.user': AzureEntraUser;
    'azure.resources.resource-group': AzureResourceGroup;
    'azure.resources.resource': AzureGenericResource;
    'azure.storage.account': AzureStorageAccount;
    'azure.compute.disk': AzureManagedDisk;
    'azure.compute.vm': AzureVirtualMachine;
    'azure.network.nsg': AzureNetworkSecurityGroup;
    'azure.keyvault.vault': AzureKeyVault;
    'azure.sql.server': AzureSqlServer;
    'azure.sql.database': AzureSqlDatabase;
    'azure.backup.protected-item': AzureBackupProtectedItem;
  }
}

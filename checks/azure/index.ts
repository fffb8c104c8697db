import type { AnyCheck } from '../../src/core/check.js';
import authorizationCustomRoleNoWildcardActions from './authorization/azure-authorization-custom-role-no-wildcard-actions.js';
import authorizationSubscriptionOwnersTwoToThree from './authorization/azure-authorization-subscription-owners-two-to-three.js';
import computeDiskEncryptionMeetsPolicy from './compute/azure-compute-disk-encryption-meets-policy.js';
import computeVmBackedUp from './compute/azure-compute-vm-backed-up.js';
import entraAdminMfaRegistered from './entra/azure-entra-admin-mfa-registered.js';
import entraUserMfaRegistered from './entra/azure-entra-user-mfa-registered.js';
import keyvaultVaultItemsExpire from './keyvault/azure-keyvault-vault-items-expire.js';
import keyvaultVaultRbacEnabled from './keyvault/azure-keyvault-vault-rbac-enabled.js';
import keyvaultVaultRecoverable from './keyvault/azure-keyvault-vault-recoverable.js';
import monitorSubscriptionActivityLogExported from './monitor/azure-monitor-subscription-activity-log-exported.js';
import networkNsgInternetIngressRestricted from './network/azure-network-nsg-internet-ingress-restricted.js';
import resourcesResourceAllowedLocation from './resources/azure-resources-resource-allowed-location.js';
import resourcesResourceGroupRequiredTags from './resources/azure-resources-resource-group-required-tags.js';
import resourcesResourceRequiredTags from './resources/azure-resources-resource-required-tags.js';
import securitySubscriptionDefenderPlansEnabled from './security/azure-security-subscription-defender-plans-enabled.js';
import sqlDatabaseTdeEnabled from './sql/azure-sql-database-tde-enabled.js';
import sqlServerAuditingEnabled from './sql/azure-sql-server-auditing-enabled.js';
import sqlServerPublicNetworkAccessDisabled from './sql/azure-sql-server-public-network-access-disabled.js';
import storageAccountBlobPublicAccessDisabled from './storage/azure-storage-account-blob-public-access-disabled.js';
import storageAccountCmkEncrypted from './storage/azure-storage-account-cmk-encrypted.js';
import storageAccountDefaultNetworkAccessDenied from './storage/azure-storage-account-default-network-access-denied.js';
import storageAccountInfrastructureEncryptionEnabled from './storage/azure-storage-account-infrastructure-encryption-enabled.js';
import storageAccountMinTls12 from './storage/azure-storage-account-min-tls-1-2.js';
import storageAccountSecureTransferRequired from './storage/azure-storage-account-secure-transfer-required.js';
import storageAccountSharedKeyAccessDisabled from './storage/azure-storage-account-shared-key-access-disabled.js';

/** Every Azure check, in catalogue order. The catalogue test compares this list with the folder. */
export const azureChecks: readonly AnyCheck[] = [
  entraAdminMfaRegistered,
  entraUserMfaRegistered,
  authorizationSubscriptionOwnersTwoToThree,
  authorizationCustomRoleNoWildcardActions,
  keyvaultVaultRbacEnabled,
  storageAccountSecureTransferRequired,
  storageAccountMinTls12,
  storageAccountBlobPublicAccessDisabled,
  storageAccountDefaultNetworkAccessDenied,
  storageAccountSharedKeyAccessDisabled,
  storageAccountInfrastructureEncryptionEnabled,
  storageAccountCmkEncrypted,
  computeDiskEncryptionMeetsPolicy,
  keyvaultVaultRecoverable,
  keyvaultVaultItemsExpire,
  sqlDatabaseTdeEnabled,
  sqlServerAuditingEnabled,
  sqlServerPublicNetworkAccessDisabled,
  networkNsgInternetIngressRestricted,
  computeVmBackedUp,
  monitorSubscriptionActivityLogExported,
  securitySubscriptionDefenderPlansEnabled,
  resourcesResourceRequiredTags,
  resourcesResourceGroupRequiredTags,
  resourcesResourceAllowedLocation,
];

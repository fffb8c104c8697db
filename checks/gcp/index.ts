import type { AnyCheck } from '../../src/core/check.js';
import iamProjectNoPrimitiveRolesForUsers from './iam/gcp-iam-project-no-primitive-roles-for-users.js';
import iamPolicyNoPublicMembers from './iam/gcp-iam-policy-no-public-members.js';
import iamProjectServiceAccountRolesSeparated from './iam/gcp-iam-project-service-account-roles-separated.js';
import iamServiceAccountNoUserManagedKeys from './iam/gcp-iam-service-account-no-user-managed-keys.js';
import iamServiceAccountKeysRotated from './iam/gcp-iam-service-account-keys-rotated.js';
import workspaceUsers2svEnrolled from './workspace/gcp-workspace-users-2sv-enrolled.js';
import computeInstanceDefaultServiceAccountLimited from './compute/gcp-compute-instance-default-service-account-limited.js';
import computeFirewallNoInternetAdminAccess from './compute/gcp-compute-firewall-no-internet-admin-access.js';
import computeNetworkDefaultAbsent from './compute/gcp-compute-network-default-absent.js';
import computeSubnetworkFlowLogsEnabled from './compute/gcp-compute-subnetwork-flow-logs-enabled.js';
import computeInstanceNoExternalIp from './compute/gcp-compute-instance-no-external-ip.js';
import computeInstanceSerialPortDisabled from './compute/gcp-compute-instance-serial-port-disabled.js';
import computeInstanceOsLoginEnabled from './compute/gcp-compute-instance-os-login-enabled.js';
import computeInstanceShieldedVmEnabled from './compute/gcp-compute-instance-shielded-vm-enabled.js';
import computeDiskSnapshotScheduleAttached from './compute/gcp-compute-disk-snapshot-schedule-attached.js';
import computeDiskCriticalCmekEncrypted from './compute/gcp-compute-disk-critical-cmek-encrypted.js';
import storageBucketNotPublic from './storage/gcp-storage-bucket-not-public.js';
import storageBucketUniformAccessEnabled from './storage/gcp-storage-bucket-uniform-access-enabled.js';
import storageBucketCriticalDataRecoverable from './storage/gcp-storage-bucket-critical-data-recoverable.js';
import sqlInstanceAutomatedBackupsEnabled from './sql/gcp-sql-instance-automated-backups-enabled.js';
import sqlInstanceNotOpenToInternet from './sql/gcp-sql-instance-not-open-to-internet.js';
import sqlInstanceSslRequired from './sql/gcp-sql-instance-ssl-required.js';
import kmsCryptoKeyRotationEnabled from './kms/gcp-kms-crypto-key-rotation-enabled.js';
import loggingProjectDataAccessAuditEnabled from './logging/gcp-logging-project-data-access-audit-enabled.js';
import loggingSinkAllLogsExported from './logging/gcp-logging-sink-all-logs-exported.js';
import assetRequiredLabelsPresent from './asset/gcp-asset-required-labels-present.js';
import assetLocationAllowed from './asset/gcp-asset-location-allowed.js';

/** Every GCP check, in catalogue order. The catalogue test compares this list with the folder. */
export const gcpChecks: readonly AnyCheck[] = [
  iamProjectNoPrimitiveRolesForUsers,
  iamPolicyNoPublicMembers,
  iamProjectServiceAccountRolesSeparated,
  iamServiceAccountNoUserManagedKeys,
  iamServiceAccountKeysRotated,
  workspaceUsers2svEnrolled,
  computeInstanceDefaultServiceAccountLimited,
  computeFirewallNoInternetAdminAccess,
  computeNetworkDefaultAbsent,
  computeSubnetworkFlowLogsEnabled,
  computeInstanceNoExternalIp,
  computeInstanceSerialPortDisabled,
  computeInstanceOsLoginEnabled,
  computeInstanceShieldedVmEnabled,
  computeDiskSnapshotScheduleAttached,
  computeDiskCriticalCmekEncrypted,
  storageBucketNotPublic,
  storageBucketUniformAccessEnabled,
  storageBucketCriticalDataRecoverable,
  sqlInstanceAutomatedBackupsEnabled,
  sqlInstanceNotOpenToInternet,
  sqlInstanceSslRequired,
  kmsCryptoKeyRotationEnabled,
  loggingProjectDataAccessAuditEnabled,
  loggingSinkAllLogsExported,
  assetRequiredLabelsPresent,
  assetLocationAllowed,
];

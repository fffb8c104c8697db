import type { AnyCheck } from '../../src/core/check.js';
import iamGroupNoAdminPrivileges from './iam/aws-iam-group-no-admin-privileges.js';
import iamPasswordPolicyStrong from './iam/aws-iam-password-policy-strong.js';
import iamPolicyCloudshellFullAccessNotAttached from './iam/aws-iam-policy-cloudshell-full-access-not-attached.js';
import iamPolicyNoFullAdmin from './iam/aws-iam-policy-no-full-admin.js';
import iamRoleNoAdminPrivileges from './iam/aws-iam-role-no-admin-privileges.js';
import iamRoleTrustPolicyRestricted from './iam/aws-iam-role-trust-policy-restricted.js';
import iamRootHardwareMfaEnabled from './iam/aws-iam-root-hardware-mfa-enabled.js';
import iamRootMfaEnabled from './iam/aws-iam-root-mfa-enabled.js';
import iamRootNoAccessKeys from './iam/aws-iam-root-no-access-keys.js';
import iamRootNotUsedRecently from './iam/aws-iam-root-not-used-recently.js';
import iamSupportRoleExists from './iam/aws-iam-support-role-exists.js';
import iamUserAccessKeysRotated from './iam/aws-iam-user-access-keys-rotated.js';
import iamUserAdminMfaEnabled from './iam/aws-iam-user-admin-mfa-enabled.js';
import iamUserConsoleMfaEnabled from './iam/aws-iam-user-console-mfa-enabled.js';
import iamUserNoAdminPrivileges from './iam/aws-iam-user-no-admin-privileges.js';
import iamUserNoDirectPolicies from './iam/aws-iam-user-no-direct-policies.js';
import iamUserSingleActiveAccessKey from './iam/aws-iam-user-single-active-access-key.js';
import iamUserUnusedCredentialsDisabled from './iam/aws-iam-user-unused-credentials-disabled.js';
import s3AccountPublicAccessBlockEnabled from './s3/aws-s3-account-public-access-block-enabled.js';
import s3BucketAclNotPublic from './s3/aws-s3-bucket-acl-not-public.js';
import s3BucketDefaultEncryptionEnabled from './s3/aws-s3-bucket-default-encryption-enabled.js';
import s3BucketMfaDeleteEnabled from './s3/aws-s3-bucket-mfa-delete-enabled.js';
import s3BucketPolicyNotPublic from './s3/aws-s3-bucket-policy-not-public.js';
import s3BucketPublicAccessBlocked from './s3/aws-s3-bucket-public-access-blocked.js';
import s3BucketRequiredTags from './s3/aws-s3-bucket-required-tags.js';
import s3BucketSecureTransportRequired from './s3/aws-s3-bucket-secure-transport-required.js';
import s3BucketVersioningEnabled from './s3/aws-s3-bucket-versioning-enabled.js';
import s3BucketObjectLockEnabled from './s3/aws-s3-bucket-object-lock-enabled.js';
import ec2EbsEncryptionByDefaultEnabled from './ec2/aws-ec2-ebs-encryption-by-default-enabled.js';
import ec2InstanceImdsv2Required from './ec2/aws-ec2-instance-imdsv2-required.js';
import ec2InstanceProfileAttached from './ec2/aws-ec2-instance-profile-attached.js';
import ec2InstanceRequiredTags from './ec2/aws-ec2-instance-required-tags.js';
import ec2SecurityGroupDefaultRestrictsAll from './ec2/aws-ec2-security-group-default-restricts-all.js';
import ec2SecurityGroupInternetIngressRestricted from './ec2/aws-ec2-security-group-internet-ingress-restricted.js';
import ec2SnapshotEncrypted from './ec2/aws-ec2-snapshot-encrypted.js';
import ec2SnapshotNotPublic from './ec2/aws-ec2-snapshot-not-public.js';
import ec2VolumeEncrypted from './ec2/aws-ec2-volume-encrypted.js';
import ec2VolumeRecentBackup from './ec2/aws-ec2-volume-recent-backup.js';
import ec2VolumeRequiredTags from './ec2/aws-ec2-volume-required-tags.js';
import ec2VpcFlowLogsEnabled from './ec2/aws-ec2-vpc-flow-logs-enabled.js';
import rdsClusterBackupRetention from './rds/aws-rds-cluster-backup-retention.js';
import rdsClusterDeletionProtectionEnabled from './rds/aws-rds-cluster-deletion-protection-enabled.js';
import rdsClusterRequiredTags from './rds/aws-rds-cluster-required-tags.js';
import rdsClusterStorageEncrypted from './rds/aws-rds-cluster-storage-encrypted.js';
import rdsInstanceBackupRetention from './rds/aws-rds-instance-backup-retention.js';
import rdsInstanceDeletionProtectionEnabled from './rds/aws-rds-instance-deletion-protection-enabled.js';
import rdsInstanceNotPublic from './rds/aws-rds-instance-not-public.js';
import rdsInstanceRequiredTags from './rds/aws-rds-instance-required-tags.js';
import rdsInstanceStorageEncrypted from './rds/aws-rds-instance-storage-encrypted.js';
import cloudtrailKmsEncryptionEnabled from './cloudtrail/aws-cloudtrail-kms-encryption-enabled.js';
import cloudtrailLogBucketAccessLoggingEnabled from './cloudtrail/aws-cloudtrail-log-bucket-access-logging-enabled.js';
import cloudtrailLogFileValidationEnabled from './cloudtrail/aws-cloudtrail-log-file-validation-enabled.js';
import cloudtrailMultiRegionTrailLogging from './cloudtrail/aws-cloudtrail-multi-region-trail-logging.js';
import cloudtrailS3ObjectEventsLogged from './cloudtrail/aws-cloudtrail-s3-object-events-logged.js';
import kmsKeyRotationEnabled from './kms/aws-kms-key-rotation-enabled.js';
import backupPlanWithSelectionsExists from './backup/aws-backup-plan-with-selections-exists.js';
import accountRegionDataResident from './account/aws-account-region-data-resident.js';
import accountSecurityContactRegistered from './account/aws-account-security-contact-registered.js';
import guarddutyDetectorEnabled from './guardduty/aws-guardduty-detector-enabled.js';
import accessanalyzerAnalyzerActive from './accessanalyzer/aws-accessanalyzer-analyzer-active.js';
import configRecorderEnabled from './config/aws-config-recorder-enabled.js';
import efsFileSystemEncrypted from './efs/aws-efs-file-system-encrypted.js';
import efsFileSystemRequiredTags from './efs/aws-efs-file-system-required-tags.js';
import ec2NetworkAclAdminPortsRestricted from './ec2/aws-ec2-network-acl-admin-ports-restricted.js';
import logsLogGroupRetention from './logs/aws-logs-log-group-retention.js';

/** Every AWS check, in catalogue order. The catalogue test compares this list with the folder. */
export const awsChecks: readonly AnyCheck[] = [
  iamGroupNoAdminPrivileges,
  iamPasswordPolicyStrong,
  iamPolicyCloudshellFullAccessNotAttached,
  iamPolicyNoFullAdmin,
  iamRoleNoAdminPrivileges,
  iamRoleTrustPolicyRestricted,
  iamRootHardwareMfaEnabled,
  iamRootMfaEnabled,
  iamRootNoAccessKeys,
  iamRootNotUsedRecently,
  iamSupportRoleExists,
  iamUserAccessKeysRotated,
  iamUserAdminMfaEnabled,
  iamUserConsoleMfaEnabled,
  iamUserNoAdminPrivileges,
  iamUserNoDirectPolicies,
  iamUserSingleActiveAccessKey,
  iamUserUnusedCredentialsDisabled,
  s3AccountPublicAccessBlockEnabled,
  s3BucketAclNotPublic,
  s3BucketDefaultEncryptionEnabled,
  s3BucketMfaDeleteEnabled,
  s3BucketPolicyNotPublic,
  s3BucketPublicAccessBlocked,
  s3BucketRequiredTags,
  s3BucketSecureTransportRequired,
  s3BucketVersioningEnabled,
  s3BucketObjectLockEnabled,
  ec2EbsEncryptionByDefaultEnabled,
  ec2InstanceImdsv2Required,
  ec2InstanceProfileAttached,
  ec2InstanceRequiredTags,
  ec2SecurityGroupDefaultRestrictsAll,
  ec2SecurityGroupInternetIngressRestricted,
  ec2SnapshotEncrypted,
  ec2SnapshotNotPublic,
  ec2VolumeEncrypted,
  ec2VolumeRecentBackup,
  ec2VolumeRequiredTags,
  ec2VpcFlowLogsEnabled,
  rdsClusterBackupRetention,
  rdsClusterDeletionProtectionEnabled,
  rdsClusterRequiredTags,
  rdsClusterStorageEncrypted,
  rdsInstanceBackupRetention,
  rdsInstanceDeletionProtectionEnabled,
  rdsInstanceNotPublic,
  rdsInstanceRequiredTags,
  rdsInstanceStorageEncrypted,
  cloudtrailKmsEncryptionEnabled,
  cloudtrailLogBucketAccessLoggingEnabled,
  cloudtrailLogFileValidationEnabled,
  cloudtrailMultiRegionTrailLogging,
  cloudtrailS3ObjectEventsLogged,
  kmsKeyRotationEnabled,
  backupPlanWithSelectionsExists,
  accountRegionDataResident,
  accountSecurityContactRegistered,
  guarddutyDetectorEnabled,
  accessanalyzerAnalyzerActive,
  configRecorderEnabled,
  efsFileSystemEncrypted,
  efsFileSystemRequiredTags,
  ec2NetworkAclAdminPortsRestricted,
  logsLogGroupRetention,
];

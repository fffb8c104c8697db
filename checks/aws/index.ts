import type { AnyCheck } from '../../src/core/check.js';
import iamGroupNoAdminPrivileges from './iam/aws-iam-group-no-admin-privileges.js';
import iamPasswordPolicyStrong from './iam/aws-iam-password-policy-strong.js';
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
import s3BucketVersioningEnabled from './s3/aws-s3-bucket-versioning-enabled.js';

/** Every AWS check, in catalogue order. The catalogue test compares this list with the folder. */
export const awsChecks: readonly AnyCheck[] = [
  iamGroupNoAdminPrivileges,
  iamPasswordPolicyStrong,
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
  s3BucketVersioningEnabled,
];

import type { Observed } from '../../../src/core/observed.js';
import type { PolicyDocument } from './policy-document.js';

/**
 * IAM (global: region `global`). Shaped on the two bulk sources: the credential report
 * (`iam:GenerateCredentialReport` + `iam:GetCredentialReport`, one CSV row per user plus the
 * `<root_account>` row) and `iam:GetAccountAuthorizationDetails` (GAAD: users, groups, roles and
 * managed policies with their documents, URL-decoded and parsed by the collector).
 * Dates are ISO-8601 strings; `null` where the report says `N/A`, `no_information` or never.
 */

export interface AttachedPolicy {
  readonly policyName: string;
  readonly policyArn: string;
}

export interface InlinePolicy {
  readonly policyName: string;
  readonly policyDocument: PolicyDocument;
}

/** One access-key slot of the credential report (`access_key_1_*`, `access_key_2_*`); only slots holding a key. */
export interface AccessKeySlot {
  readonly slot: 1 | 2;
  readonly active: boolean;
  readonly lastRotated: string | null;
  readonly lastUsedDate: string | null;
  readonly lastUsedRegion: string | null;
  readonly lastUsedService: string | null;
}

/** A user's row of the credential report. */
export interface UserCredentials {
  readonly passwordEnabled: boolean;
  readonly passwordLastUsed: string | null;
  readonly passwordLastChanged: string | null;
  readonly mfaActive: boolean;
  readonly accessKeys: readonly AccessKeySlot[];
}

/** `aws.iam.user`: listed from GAAD `UserDetailList`; tags in `Resource.tags`. */
export interface IamUser {
  readonly userName: string;
  readonly userId: string;
  readonly arn: string;
  readonly path: string;
  readonly createDate: string;
  /** Group names (`GroupList`). */
  readonly groupList: readonly string[];
  readonly attachedManagedPolicies: readonly AttachedPolicy[];
  /** `UserPolicyList`. */
  readonly userPolicyList: readonly InlinePolicy[];
  readonly permissionsBoundaryArn: string | null;
  /** The user's credential report row; unseen when the report could not be generated or read. */
  readonly credentials: Observed<UserCredentials>;
}

/** The `<root_account>` row of the credential report. */
export interface RootUsage {
  readonly passwordLastUsed: string | null;
  readonly accessKeys: readonly AccessKeySlot[];
}

/** `aws.iam.root`: one per account. Each fact comes from its own call and can fail alone. */
export interface IamRoot {
  /** `arn:aws:iam::<account>:root` */
  readonly arn: string;
  /** `iam:GetAccountSummary` `AccountMFAEnabled` (or the report's `mfa_active`). */
  readonly mfaActive: Observed<boolean>;
  /**
   * `iam:ListVirtualMFADevices` (AssignmentStatus=Assigned): a virtual device is assigned to the
   * root user. Root MFA that is active without a virtual device is a hardware device.
   */
  readonly virtualMfaAssigned: Observed<boolean>;
  /** `iam:GetAccountSummary` `AccountAccessKeysPresent`. */
  readonly accessKeysPresent: Observed<boolean>;
  /** The credential report's root row (last use of password and keys). */
  readonly usage: Observed<RootUsage>;
}

/** `iam:GetAccountPasswordPolicy`, with the API's field names. */
export interface PasswordPolicy {
  readonly minimumPasswordLength: number;
  readonly requireSymbols: boolean;
  readonly requireNumbers: boolean;
  readonly requireUppercaseCharacters: boolean;
  readonly requireLowercaseCharacters: boolean;
  readonly allowUsersToChangePassword: boolean;
  readonly expirePasswords: boolean;
  readonly maxPasswordAge: number | null;
  readonly passwordReusePrevention: number | null;
  readonly hardExpiry: boolean;
}

/** `aws.iam.password-policy`: one per account; `policy: null` is the `NoSuchEntity` answer (none set). */
export interface IamPasswordPolicy {
  readonly policy: PasswordPolicy | null;
}

export interface RoleLastUsed {
  readonly lastUsedDate: string | null;
  readonly region: string | null;
}

/** `aws.iam.role`: GAAD `RoleDetailList`; tags in `Resource.tags`. */
export interface IamRole {
  readonly roleName: string;
  readonly roleId: string;
  readonly arn: string;
  readonly path: string;
  readonly createDate: string;
  readonly assumeRolePolicyDocument: PolicyDocument;
  readonly attachedManagedPolicies: readonly AttachedPolicy[];
  /** `RolePolicyList`. */
  readonly rolePolicyList: readonly InlinePolicy[];
  readonly permissionsBoundaryArn: string | null;
  readonly roleLastUsed: RoleLastUsed | null;
}

/** `aws.iam.group`: GAAD `GroupDetailList`. */
export interface IamGroup {
  readonly groupName: string;
  readonly groupId: string;
  readonly arn: string;
  readonly path: string;
  readonly createDate: string;
  readonly attachedManagedPolicies: readonly AttachedPolicy[];
  /** `GroupPolicyList`. */
  readonly groupPolicyList: readonly InlinePolicy[];
}

/**
 * `aws.iam.policy`: every customer managed policy (GAAD `Policies`, filter LocalManagedPolicy) and
 * the AWS managed policies attached in the account (`ListPolicies` Scope AWS, OnlyAttached; the
 * document from `GetPolicyVersion`, read once per scan), each with its default version's document.
 * AWS managed policies attached to nothing are not listed: no check concerns them.
 */
export interface IamPolicy {
  readonly policyName: string;
  readonly policyId: string;
  readonly arn: string;
  readonly path: string;
  /** `arn:aws:iam::aws:policy/...` */
  readonly awsManaged: boolean;
  readonly attachmentCount: number;
  readonly isAttachable: boolean;
  readonly defaultVersionId: string;
  readonly createDate: string;
  readonly updateDate: string;
  readonly document: PolicyDocument;
}

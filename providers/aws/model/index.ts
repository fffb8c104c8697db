import type { AccessAnalyzer } from './accessanalyzer.js';
import type { AccountRegion, AccountSecurityContact } from './account.js';
import type { BackupPlan, BackupProtectedResource } from './backup.js';
import type { CloudTrailTrail } from './cloudtrail.js';
import type { ConfigRecorder } from './config.js';
import type { EbsEncryptionDefault, Ec2Instance, Ec2Snapshot, Ec2Volume, NetworkAcl, SecurityGroup, Vpc } from './ec2.js';
import type { EfsFileSystem } from './efs.js';
import type { GuardDutyDetector } from './guardduty.js';
import type { IamGroup, IamPasswordPolicy, IamPolicy, IamRole, IamRoot, IamUser } from './iam.js';
import type { KmsKey } from './kms.js';
import type { LogGroup } from './logs.js';
import type { RdsCluster, RdsInstance } from './rds.js';
import type { S3AccountPublicAccessBlock, S3Bucket } from './s3.js';

export type * from './accessanalyzer.js';
export type * from './account.js';
export type * from './backup.js';
export type * from './cloudtrail.js';
export type * from './config.js';
export type * from './ec2.js';
export type * from './efs.js';
export type * from './guardduty.js';
export type * from './iam.js';
export type * from './kms.js';
export type * from './logs.js';
export type * from './policy-document.js';
export type * from './rds.js';
export type * from './s3.js';
export { parsePolicyDocument, PolicyDocumentError } from './policy-document.js';
export { rotationApplies } from './kms.js';
export { EXTERNAL_ACCESS_ANALYZER_TYPES } from './accessanalyzer.js';

/**
 * The AWS resource types. Global services (IAM, the S3 account block, account settings) are listed
 * in region `global`; everything else per region. Account- and region-level settings are
 * resources too (one per scope), so "not set" is a value a check can fail.
 */
export interface AwsResourceTypes {
  'aws.iam.user': IamUser;
  'aws.iam.root': IamRoot;
  'aws.iam.password-policy': IamPasswordPolicy;
  'aws.iam.role': IamRole;
  'aws.iam.group': IamGroup;
  'aws.iam.policy': IamPolicy;
  'aws.ec2.security-group': SecurityGroup;
  'aws.ec2.instance': Ec2Instance;
  'aws.ec2.volume': Ec2Volume;
  'aws.ec2.snapshot': Ec2Snapshot;
  'aws.ec2.ebs-encryption-default': EbsEncryptionDefault;
  'aws.ec2.vpc': Vpc;
  'aws.s3.bucket': S3Bucket;
  'aws.s3.account-public-access-block': S3AccountPublicAccessBlock;
  'aws.rds.instance': RdsInstance;
  'aws.rds.cluster': RdsCluster;
  'aws.cloudtrail.trail': CloudTrailTrail;
  'aws.kms.key': KmsKey;
  'aws.backup.plan': BackupPlan;
  'aws.backup.protected-resource': BackupProtectedResource;
  'aws.account.security-contact': AccountSecurityContact;
  'aws.account.region': AccountRegion;
  'aws.guardduty.detector': GuardDutyDetector;
  'aws.accessanalyzer.analyzer': AccessAnalyzer;
  'aws.config.recorder': ConfigRecorder;
  'aws.efs.file-system': EfsFileSystem;
  'aws.ec2.network-acl': NetworkAcl;
  'aws.logs.log-group': LogGroup;
}

declare module '../../../src/core/resource.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-interface
  interface ResourceTypes extends AwsResourceTypes {}
}

export type AwsResourceType = keyof AwsResourceTypes;

/** Which types live in region `global` (one listing per account) rather than per region. */
export const AWS_GLOBAL_TYPES = [
  'aws.iam.user',
  'aws.iam.root',
  'aws.iam.password-policy',
  'aws.iam.role',
  'aws.iam.group',
  'aws.iam.policy',
  'aws.s3.account-public-access-block',
  'aws.account.security-contact',
] as const satisfies readonly AwsResourceType[];

export const AWS_REGIONAL_TYPES = [
  'aws.ec2.security-group',
  'aws.ec2.instance',
  'aws.ec2.volume',
  'aws.ec2.snapshot',
  'aws.ec2.ebs-encryption-default',
  'aws.ec2.vpc',
  'aws.s3.bucket',
  'aws.rds.instance',
  'aws.rds.cluster',
  'aws.cloudtrail.trail',
  'aws.kms.key',
  'aws.backup.plan',
  'aws.backup.protected-resource',
  'aws.account.region',
  'aws.guardduty.detector',
  'aws.accessanalyzer.analyzer',
  'aws.config.recorder',
  'aws.efs.file-system',
  'aws.ec2.network-acl',
  'aws.logs.log-group',
] as const satisfies readonly AwsResourceType[];

/**
 * Ids for the setting resources, which have no ARN of their own: one spelling for collectors, the
 * demo and the tests, stable across scans.
 */
export const awsSettingId = {
  root: (account: string) => `arn:aws:iam::${account}:root`,
  passwordPolicy: (account: string) => `arn:aws:iam::${account}:account-password-policy`,
  s3AccountPublicAccessBlock: (account: string) => `arn:aws:s3:::account/${account}/public-access-block`,
  securityContact: (account: string) => `arn:aws:account::${account}:alternate-contact/SECURITY`,
  ebsEncryptionDefault: (account: string, region: string) => `arn:aws:ec2:${region}:${account}:ebs-encryption-by-default`,
  region: (account: string, region: string) => `arn:aws:account::${account}:region/${region}`,
} as const;

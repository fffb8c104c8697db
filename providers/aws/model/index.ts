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

import type { EffectiveTagPolicy, TaggedResource } from './tagging.js';

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

export type * from './tagging.js';

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

  // Required tags in bulk, and the organisation's own requirement.
  'aws.tagging.resource': TaggedResource;
  'aws.organizations.tag-policy': EffectiveTagPolicy;
}

declare module '../../../src/core/resource.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging: the registry gains the AWS types
  interface ResourceTypes extends AwsResourceTypes {}
}

export type AwsResourceType = keyof AwsResourceTypes;

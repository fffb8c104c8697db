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
import type { RdsCluster, RdsClusterSnapshot, RdsDbSnapshot, RdsInstance } from './rds.js';
import type { S3AccountPublicAccessBlock, S3Bucket } from './s3.js';
// Data services (issue 13, aws-data)
import type { DynamoDbTable } from './dynamodb.js';
import type { ElastiCacheReplicationGroup } from './elasticache.js';
import type { FsxFileSystem } from './fsx.js';
import type { MemoryDbCluster } from './memorydb.js';
import type { OpenSearchDomain } from './opensearch.js';
import type { RedshiftCluster } from './redshift.js';
// aws-edge (issue 13): queues, topics, secrets, registries, clusters, load balancers, functions, images, vaults
import type { Ec2Image } from './ami.js';
import type { BackupVault } from './backup-vault.js';
import type { EcrRepository } from './ecr.js';
import type { EksCluster } from './eks.js';
import type { ElbLoadBalancer } from './elbv2.js';
import type { LambdaFunction } from './lambda.js';
import type { Secret } from './secretsmanager.js';
import type { SnsTopic } from './sns.js';
import type { SqsQueue } from './sqs.js';

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
// Data services (issue 13, aws-data)
export type * from './dynamodb.js';
export type * from './elasticache.js';
export type * from './fsx.js';
export type * from './memorydb.js';
export type * from './opensearch.js';
export type * from './redshift.js';
// aws-edge (issue 13)
export type * from './ami.js';
export type * from './backup-vault.js';
export type * from './ecr.js';
export type * from './eks.js';
export type * from './elbv2.js';
export type * from './lambda.js';
export type * from './secretsmanager.js';
export type * from './sns.js';
export type * from './sqs.js';

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
  // Data services (issue 13, aws-data)
  'aws.rds.db-snapshot': RdsDbSnapshot;
  'aws.rds.cluster-snapshot': RdsClusterSnapshot;
  'aws.dynamodb.table': DynamoDbTable;
  'aws.elasticache.replication-group': ElastiCacheReplicationGroup;
  'aws.memorydb.cluster': MemoryDbCluster;
  'aws.redshift.cluster': RedshiftCluster;
  'aws.opensearch.domain': OpenSearchDomain;
  'aws.fsx.file-system': FsxFileSystem;
  // aws-edge (issue 13)
  'aws.sqs.queue': SqsQueue;
  'aws.sns.topic': SnsTopic;
  'aws.secretsmanager.secret': Secret;
  'aws.ecr.repository': EcrRepository;
  'aws.eks.cluster': EksCluster;
  'aws.elbv2.load-balancer': ElbLoadBalancer;
  'aws.lambda.function': LambdaFunction;
  'aws.ec2.image': Ec2Image;
  'aws.backup.vault': BackupVault;

  // Required tags in bulk, and the organisation's own requirement.
  'aws.tagging.resource': TaggedResource;
  'aws.organizations.tag-policy': EffectiveTagPolicy;
}

declare module '../../../src/core/resource.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging: the registry gains the AWS types
  interface ResourceTypes extends AwsResourceTypes {}
}

export type AwsResourceType = keyof AwsResourceTypes;

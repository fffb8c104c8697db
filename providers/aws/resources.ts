import type { AwsResourceType, KmsKeyMetadata } from './model/index.js';

/** What the AWS model means at run time, shared by the collectors, the checks, the demo and the tests. */

/** The types of the collection tasks that list several (each is asked only for those some check needs). */
export const IAM_TYPES = [
  'aws.iam.user',
  'aws.iam.root',
  'aws.iam.password-policy',
  'aws.iam.role',
  'aws.iam.group',
  'aws.iam.policy',
] as const satisfies readonly AwsResourceType[];

export const EC2_TYPES = [
  'aws.ec2.security-group',
  'aws.ec2.instance',
  'aws.ec2.volume',
  'aws.ec2.snapshot',
  'aws.ec2.ebs-encryption-default',
  'aws.ec2.vpc',
  'aws.ec2.network-acl',
] as const satisfies readonly AwsResourceType[];

export const RDS_TYPES = ['aws.rds.instance', 'aws.rds.cluster'] as const satisfies readonly AwsResourceType[];

export const RDS_SNAPSHOT_TYPES = ['aws.rds.db-snapshot', 'aws.rds.cluster-snapshot'] as const satisfies readonly AwsResourceType[];

export const BACKUP_TYPES = ['aws.backup.plan', 'aws.backup.protected-resource', 'aws.backup.vault'] as const satisfies readonly AwsResourceType[];

/** Which types live in region `global` (one listing per account) rather than per region. */
export const AWS_GLOBAL_TYPES = [
  ...IAM_TYPES,
  'aws.s3.account-public-access-block',
  'aws.account.security-contact',
  'aws.organizations.tag-policy',
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
  // Data services (issue 13, aws-data)
  'aws.rds.db-snapshot',
  'aws.rds.cluster-snapshot',
  'aws.dynamodb.table',
  'aws.elasticache.replication-group',
  'aws.memorydb.cluster',
  'aws.redshift.cluster',
  'aws.opensearch.domain',
  'aws.fsx.file-system',
  // aws-edge (issue 13)
  'aws.sqs.queue',
  'aws.sns.topic',
  'aws.secretsmanager.secret',
  'aws.ecr.repository',
  'aws.eks.cluster',
  'aws.elbv2.load-balancer',
  'aws.lambda.function',
  'aws.ec2.image',
  'aws.backup.vault',

  'aws.tagging.resource',
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

/** Rotation applies to customer-managed symmetric keys with key material from KMS that are not being deleted. */
export function rotationApplies(m: KmsKeyMetadata): boolean {
  return m.keyManager === 'CUSTOMER' && m.keySpec === 'SYMMETRIC_DEFAULT' && m.origin === 'AWS_KMS' &&
    m.keyState !== 'PendingDeletion' && m.keyState !== 'PendingReplicaDeletion';
}

/** Analyzer types that look for external access to the account's resources (what CIS asks for). */
export const EXTERNAL_ACCESS_ANALYZER_TYPES: readonly string[] = ['ACCOUNT', 'ORGANIZATION'];

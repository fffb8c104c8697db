/**
 * Every AWS API operation the collectors and discovery can call, with the IAM action it needs.
 * deploy/aws/dutyscan-readonly-policy.json grants exactly these actions (a test keeps the two
 * equal, and another asserts that a full run against the fake calls nothing outside this table).
 * Keys are `<sdk client id>:<API operation>`; the client id is also what `ApiCaller.call` is given
 * as `service`, and what error listings name in `operation`.
 */
export const AWS_OPERATIONS: Readonly<Record<string, string | null>> = {
  // Identity of the caller: allowed for everyone, no policy statement needed.
  'sts:GetCallerIdentity': null,
  'sts:AssumeRole': 'sts:AssumeRole',

  'organizations:ListAccounts': 'organizations:ListAccounts',

  'iam:GenerateCredentialReport': 'iam:GenerateCredentialReport',
  'iam:GetCredentialReport': 'iam:GetCredentialReport',
  'iam:GetAccountSummary': 'iam:GetAccountSummary',
  'iam:GetAccountPasswordPolicy': 'iam:GetAccountPasswordPolicy',
  'iam:GetAccountAuthorizationDetails': 'iam:GetAccountAuthorizationDetails',
  'iam:ListVirtualMFADevices': 'iam:ListVirtualMFADevices',
  'iam:ListPolicies': 'iam:ListPolicies',
  'iam:GetPolicyVersion': 'iam:GetPolicyVersion',

  'ec2:DescribeRegions': 'ec2:DescribeRegions',
  'ec2:DescribeSecurityGroups': 'ec2:DescribeSecurityGroups',
  'ec2:DescribeInstances': 'ec2:DescribeInstances',
  'ec2:DescribeVolumes': 'ec2:DescribeVolumes',
  'ec2:DescribeSnapshots': 'ec2:DescribeSnapshots',
  'ec2:GetEbsEncryptionByDefault': 'ec2:GetEbsEncryptionByDefault',
  'ec2:GetEbsDefaultKmsKeyId': 'ec2:GetEbsDefaultKmsKeyId',
  'ec2:DescribeVpcs': 'ec2:DescribeVpcs',
  'ec2:DescribeFlowLogs': 'ec2:DescribeFlowLogs',
  'ec2:DescribeNetworkAcls': 'ec2:DescribeNetworkAcls',
  'ec2:DescribeNetworkInterfaces': 'ec2:DescribeNetworkInterfaces',

  // S3 API names and IAM action names differ; the action is what the operator must grant.
  's3:ListBuckets': 's3:ListAllMyBuckets',
  's3:GetBucketEncryption': 's3:GetEncryptionConfiguration',
  's3:GetPublicAccessBlock': 's3:GetBucketPublicAccessBlock',
  's3:GetBucketPolicy': 's3:GetBucketPolicy',
  's3:GetBucketPolicyStatus': 's3:GetBucketPolicyStatus',
  's3:GetBucketOwnershipControls': 's3:GetBucketOwnershipControls',
  's3:GetBucketAcl': 's3:GetBucketAcl',
  's3:GetBucketVersioning': 's3:GetBucketVersioning',
  's3:GetBucketLogging': 's3:GetBucketLogging',
  's3:GetBucketTagging': 's3:GetBucketTagging',
  's3:GetObjectLockConfiguration': 's3:GetBucketObjectLockConfiguration',
  's3control:GetPublicAccessBlock': 's3:GetAccountPublicAccessBlock',

  'cloudtrail:DescribeTrails': 'cloudtrail:DescribeTrails',
  'cloudtrail:GetTrailStatus': 'cloudtrail:GetTrailStatus',
  'cloudtrail:GetEventSelectors': 'cloudtrail:GetEventSelectors',

  'kms:ListKeys': 'kms:ListKeys',
  'kms:ListAliases': 'kms:ListAliases',
  'kms:DescribeKey': 'kms:DescribeKey',
  'kms:GetKeyRotationStatus': 'kms:GetKeyRotationStatus',

  'rds:DescribeDBInstances': 'rds:DescribeDBInstances',
  'rds:DescribeDBClusters': 'rds:DescribeDBClusters',

  'backup:ListBackupPlans': 'backup:ListBackupPlans',
  'backup:GetBackupPlan': 'backup:GetBackupPlan',
  'backup:ListBackupSelections': 'backup:ListBackupSelections',
  'backup:GetBackupSelection': 'backup:GetBackupSelection',
  'backup:ListProtectedResources': 'backup:ListProtectedResources',

  'account:GetAlternateContact': 'account:GetAlternateContact',

  'guardduty:ListDetectors': 'guardduty:ListDetectors',
  'guardduty:GetDetector': 'guardduty:GetDetector',

  'access-analyzer:ListAnalyzers': 'access-analyzer:ListAnalyzers',

  'config:DescribeConfigurationRecorders': 'config:DescribeConfigurationRecorders',
  'config:DescribeConfigurationRecorderStatus': 'config:DescribeConfigurationRecorderStatus',

  'elasticfilesystem:DescribeFileSystems': 'elasticfilesystem:DescribeFileSystems',

  'logs:DescribeLogGroups': 'logs:DescribeLogGroups',

  // Data services (issue 13, aws-data)
  'rds:DescribeDBSnapshots': 'rds:DescribeDBSnapshots',
  'rds:DescribeDBSnapshotAttributes': 'rds:DescribeDBSnapshotAttributes',
  'rds:DescribeDBClusterSnapshots': 'rds:DescribeDBClusterSnapshots',
  'rds:DescribeDBClusterSnapshotAttributes': 'rds:DescribeDBClusterSnapshotAttributes',
  'dynamodb:ListTables': 'dynamodb:ListTables',
  'dynamodb:DescribeTable': 'dynamodb:DescribeTable',
  'dynamodb:DescribeContinuousBackups': 'dynamodb:DescribeContinuousBackups',
  'dynamodb:ListTagsOfResource': 'dynamodb:ListTagsOfResource',
  'elasticache:DescribeReplicationGroups': 'elasticache:DescribeReplicationGroups',
  'memorydb:DescribeClusters': 'memorydb:DescribeClusters',
  'redshift:DescribeClusters': 'redshift:DescribeClusters',
  'redshift:DescribeLoggingStatus': 'redshift:DescribeLoggingStatus',
  'es:ListDomainNames': 'es:ListDomainNames',
  'es:DescribeDomains': 'es:DescribeDomains',
  'fsx:DescribeFileSystems': 'fsx:DescribeFileSystems',
  // aws-edge (issue 13)
  'sqs:ListQueues': 'sqs:ListQueues',
  'sqs:GetQueueAttributes': 'sqs:GetQueueAttributes',
  'sns:ListTopics': 'sns:ListTopics',
  'sns:GetTopicAttributes': 'sns:GetTopicAttributes',
  'secretsmanager:ListSecrets': 'secretsmanager:ListSecrets',
  'secretsmanager:GetResourcePolicy': 'secretsmanager:GetResourcePolicy',
  'ecr:DescribeRepositories': 'ecr:DescribeRepositories',
  'ecr:GetRepositoryPolicy': 'ecr:GetRepositoryPolicy',
  'eks:ListClusters': 'eks:ListClusters',
  'eks:DescribeCluster': 'eks:DescribeCluster',
  'elasticloadbalancing:DescribeLoadBalancers': 'elasticloadbalancing:DescribeLoadBalancers',
  'elasticloadbalancing:DescribeListeners': 'elasticloadbalancing:DescribeListeners',
  'elasticloadbalancing:DescribeLoadBalancerAttributes': 'elasticloadbalancing:DescribeLoadBalancerAttributes',
  'lambda:ListFunctions': 'lambda:ListFunctions',
  'lambda:GetPolicy': 'lambda:GetPolicy',
  'lambda:ListFunctionUrlConfigs': 'lambda:ListFunctionUrlConfigs',
  'ec2:DescribeImages': 'ec2:DescribeImages',
  'kms:GetKeyPolicy': 'kms:GetKeyPolicy',
  'backup:ListBackupVaults': 'backup:ListBackupVaults',
  'backup:GetBackupVaultAccessPolicy': 'backup:GetBackupVaultAccessPolicy',
  // Required tags in bulk, and the organisation's tag policy (asked by each account for itself).
  'tagging:GetResources': 'tag:GetResources',
  'organizations:DescribeEffectivePolicy': 'organizations:DescribeEffectivePolicy',
};

export function iamActionFor(service: string, operation: string): string | undefined {
  return AWS_OPERATIONS[`${service}:${operation}`] ?? undefined;
}

/** The IAM actions the scanner needs, sorted: what the read-only policy must grant, no more. */
export function requiredIamActions(): string[] {
  return [...new Set(Object.values(AWS_OPERATIONS).filter((a): a is string => a !== null))].sort();
}

/** Actions only the scanning identity needs (not the member roles it assumes). */
const SCANNER_ONLY = new Set(['sts:AssumeRole', 'organizations:ListAccounts']);

/** What each member account's role must grant: every read action. */
export function memberRoleActions(): string[] {
  return requiredIamActions().filter((a) => !SCANNER_ONLY.has(a));
}

/**
 * The least-privilege policy for the identity dutyscan runs as (deploy/aws/dutyscan-readonly-policy.json
 * is this document; a test keeps them equal). Without organisation mode the last two statements
 * are unused and may be dropped.
 */
export function awsReadOnlyPolicy(memberRoleName = 'DutyscanReadOnly'): object {
  return {
    Version: '2012-10-17',
    Statement: [
      { Sid: 'DutyscanReadConfiguration', Effect: 'Allow', Action: memberRoleActions(), Resource: '*' },
      { Sid: 'DutyscanListOrganizationAccounts', Effect: 'Allow', Action: ['organizations:ListAccounts'], Resource: '*' },
      { Sid: 'DutyscanAssumeMemberRole', Effect: 'Allow', Action: ['sts:AssumeRole'], Resource: `arn:aws:iam::*:role/${memberRoleName}` },
    ],
  };
}

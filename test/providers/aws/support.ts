import type { Listing } from '../../../src/core/inventory.js';
import type { DiscoveryResult, ProviderAdapter } from '../../../src/core/provider.js';
import type { ResourceType } from '../../../src/core/resource.js';
import { RateLimitedApi } from '../../../src/engine/api.js';
import { createAdapter, type AwsHooks } from '../../../providers/aws/adapter.js';
import { awsConfigSchema } from '../../../providers/aws/config.js';
import { AWS_GLOBAL_TYPES, AWS_REGIONAL_TYPES } from '../../../providers/aws/resources.js';
import { BASE_CREDENTIALS, FakeAws } from '../../fakes/aws/server.js';
import { credentialRow, ec2Region, emptyAccount, unattachedAwsManagedPolicies, type FakeAccount, type FakeState } from '../../fakes/aws/state.js';
import { silentLog } from '../support.js';
import { richDataServices } from '../../fakes/aws/services/data.js';
import { addEdgeServices } from '../../fakes/aws/services/edge-estate.js';

/** The silent logger, for the tests that import it from here. */
export { silentLog };

export const ALL_AWS_TYPES: ReadonlySet<ResourceType> = new Set<ResourceType>([...AWS_GLOBAL_TYPES, ...AWS_REGIONAL_TYPES]);

/** Static dummy credentials in the env, so the SDK's default chain finds them (and nothing real). */
export function useFakeCredentials(): void {
  process.env.AWS_ACCESS_KEY_ID = BASE_CREDENTIALS.accessKeyId;
  process.env.AWS_SECRET_ACCESS_KEY = BASE_CREDENTIALS.secretAccessKey;
  delete process.env.AWS_SESSION_TOKEN;
  delete process.env.AWS_PROFILE;
  process.env.AWS_EC2_METADATA_DISABLED = 'true';
}

/** Generous limits: tests measure behaviour, not the default pacing. */
export const FAST_LIMITS = Object.fromEntries(
  ['ec2', 's3', 's3control', 'iam', 'sts', 'organizations', 'kms', 'cloudtrail', 'backup', 'account', 'rds',
    'guardduty', 'access-analyzer', 'config', 'elasticfilesystem', 'logs',
    'sqs', 'sns', 'secretsmanager', 'ecr', 'eks', 'elasticloadbalancing', 'lambda'].map((s) => [
    `aws/${s}`, { perSecond: 10_000, burst: 10_000 },
  ]),
);

export interface Run {
  readonly discovery: DiscoveryResult;
  readonly listings: Listing[];
  readonly api: RateLimitedApi;
}

/** The adapter against the fake: `config` over the section's defaults, the credential report polled every 5 ms. */
export async function adapterFor(
  fake: FakeAws,
  config: Record<string, unknown> = {},
  options: { hooks?: AwsHooks; callTimeoutMs?: number; criticalResources?: readonly string[] } = {},
): Promise<ProviderAdapter> {
  useFakeCredentials();
  const parsed = awsConfigSchema.parse({ endpoint: fake.url, s3ForcePathStyle: true, maxAttempts: 1, ...config });
  const { hooks = { credentialReportPollMs: 5 }, callTimeoutMs = 5_000, criticalResources } = options;
  return createAdapter(parsed, { log: silentLog, callTimeoutMs, ...(criticalResources ? { criticalResources } : {}) }, hooks);
}

/** Discover, then run every task, as the engine does (without its pools). */
export async function runAdapter(
  adapter: ProviderAdapter,
  options: { types?: ReadonlySet<ResourceType>; shard?: { index: number; count: number }; api?: RateLimitedApi; step?: (activity: string) => void } = {},
): Promise<Run> {
  const api = options.api ?? new RateLimitedApi('aws', { rateLimits: FAST_LIMITS, perAccountRequests: 32 });
  const signal = new AbortController().signal;
  const discovery = await adapter.discover({ api, signal, log: silentLog, ...(options.shard ? { shard: options.shard } : {}), ...(options.step ? { step: options.step } : {}) });
  const listings: Listing[] = [];
  for (const target of discovery.targets) {
    const tasks = adapter.tasks(target, options.types ?? ALL_AWS_TYPES);
    const results = await Promise.all(tasks.map(async (task) => {
      const out = await task.run({ api, signal, log: silentLog });
      // The contract: exactly one listing per declared type, in the task's scope.
      const got = out.map((l) => l.type).sort();
      if (JSON.stringify(got) !== JSON.stringify([...task.types].sort())) {
        throw new Error(`task ${task.service}/${task.region} returned ${got.join(',')} for ${task.types.join(',')}`);
      }
      return out;
    }));
    listings.push(...results.flat());
  }
  return { discovery, listings, api };
}

export function find<T extends ResourceType>(listings: readonly Listing[], type: T, region: string, account?: string): Listing<T> {
  const found = listings.find((l) => l.type === type && l.scope.region === region && (account === undefined || l.scope.account === account));
  if (!found) throw new Error(`no ${type} listing in ${account ?? '*'}/${region}`);
  return found as Listing<T>;
}

export function items<T extends ResourceType>(l: Listing<T>) {
  if (!l.items.ok) throw new Error(`listing ${l.type} ${l.scope.region} failed: ${l.items.error.code} ${l.items.error.operation}`);
  return l.items.value;
}

export const ACCOUNT = '111111111111';
const policyDoc = (action: string, resource = '*') => JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: action, Resource: resource }] });

/** A small but complete account: something of every type, compliant and not. */
export function richAccount(id = ACCOUNT): FakeAccount {
  const a = emptyAccount(id);
  const arn = (kind: string, name: string) => `arn:aws:iam::${id}:${kind}/${name}`;
  a.iam.users.push(
    { UserName: 'alice', UserId: 'AIDAALICE', Arn: arn('user', 'alice'), Path: '/', CreateDate: new Date('2024-01-01T00:00:00Z'), GroupList: ['admins'],
      AttachedManagedPolicies: [{ PolicyName: 'AdministratorAccess', PolicyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' }],
      UserPolicyList: [{ PolicyName: 'inline-s3', PolicyDocument: policyDoc('s3:*') }], Tags: [{ Key: 'team', Value: 'ops' }] },
    { UserName: 'bob,ci', UserId: 'AIDABOB', Arn: arn('user', 'bob,ci'), Path: '/', CreateDate: new Date('2024-02-01T00:00:00Z') },
  );
  a.iam.credentialReport.rows.push(
    credentialRow('alice', arn('user', 'alice'), { password_enabled: 'true', mfa_active: 'true', password_last_used: '2026-11-01T10:00:00+00:00' }),
    credentialRow('bob,ci', arn('user', 'bob,ci'), { access_key_1_active: 'true', access_key_1_last_rotated: '2025-01-01T00:00:00+00:00', access_key_1_last_used_date: '2026-11-20T00:00:00+00:00', access_key_1_last_used_region: 'us-east-1', access_key_1_last_used_service: 's3' }),
  );
  a.iam.credentialReport.root = credentialRow('<root_account>', `arn:aws:iam::${id}:root`, { password_enabled: 'not_supported', mfa_active: 'true', password_last_used: '2026-10-01T00:00:00+00:00' });
  a.iam.summary = { AccountMFAEnabled: 1, AccountAccessKeysPresent: 0, Users: 2 };
  a.iam.groups.push({ GroupName: 'admins', GroupId: 'AGPA1', Arn: arn('group', 'admins'), Path: '/', CreateDate: new Date('2024-01-01T00:00:00Z'),
    GroupPolicyList: [{ PolicyName: 'all', PolicyDocument: policyDoc('*') }] });
  a.iam.roles.push({ RoleName: 'deployer', RoleId: 'AROA1', Arn: arn('role', 'deployer'), Path: '/', CreateDate: new Date('2024-01-01T00:00:00Z'),
    AssumeRolePolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }] }),
    RoleLastUsed: { LastUsedDate: new Date('2026-11-01T00:00:00Z'), Region: 'eu-west-1' }, Tags: [{ Key: 'env', Value: 'prod' }] });
  a.iam.policies.push({ PolicyName: 'custom-read', PolicyId: 'ANPA1', Arn: arn('policy', 'custom-read'), Path: '/', DefaultVersionId: 'v2', AttachmentCount: 1,
    IsAttachable: true, CreateDate: new Date('2024-01-01T00:00:00Z'), UpdateDate: new Date('2024-06-01T00:00:00Z'),
    PolicyVersionList: [{ VersionId: 'v1', IsDefaultVersion: false, Document: policyDoc('s3:Get*') }, { VersionId: 'v2', IsDefaultVersion: true, Document: policyDoc('s3:List*', 'arn:aws:s3:::x y') }] });
  // The AWS managed policy alice has, and some of the many attached to nothing.
  a.iam.policies.push({ PolicyName: 'AdministratorAccess', PolicyId: 'ANPAADMIN', Arn: 'arn:aws:iam::aws:policy/AdministratorAccess', Path: '/', DefaultVersionId: 'v1',
    AttachmentCount: 1, IsAttachable: true, CreateDate: new Date('2015-02-06T18:39:46Z'), UpdateDate: new Date('2015-02-06T18:39:46Z'),
    PolicyVersionList: [{ VersionId: 'v1', IsDefaultVersion: true, Document: policyDoc('*') }] }, ...unattachedAwsManagedPolicies(3));
  a.iam.virtualMfaDevices.push({ SerialNumber: `arn:aws:iam::${id}:mfa/root-account-mfa-device`, User: { Arn: `arn:aws:iam::${id}:root`, UserName: 'root', UserId: id, Path: '/', CreateDate: new Date() } });

  const use1 = ec2Region(a, 'us-east-1');
  use1.securityGroups.push({ GroupId: 'sg-open', GroupName: 'ssh-open', Description: 'ssh', VpcId: 'vpc-1', OwnerId: id,
    IpPermissions: [{ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: '0.0.0.0/0' }], Ipv6Ranges: [{ CidrIpv6: '::/0' }] }],
    IpPermissionsEgress: [{ IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }] }], Tags: [{ Key: 'Name', Value: 'ssh' }] });
  use1.instances.push({ InstanceId: 'i-1', InstanceType: 't3.micro', State: { Name: 'running', Code: 16 }, ImageId: 'ami-1', LaunchTime: new Date('2026-01-01T00:00:00Z'),
    VpcId: 'vpc-1', SubnetId: 'subnet-1', PublicIpAddress: '203.0.113.10', MetadataOptions: { HttpTokens: 'optional', HttpEndpoint: 'enabled', HttpPutResponseHopLimit: 2 },
    SecurityGroups: [{ GroupId: 'sg-open', GroupName: 'ssh-open' }], BlockDeviceMappings: [{ DeviceName: '/dev/xvda', Ebs: { VolumeId: 'vol-1' } }], Tags: [{ Key: 'Name', Value: 'web' }] });
  use1.volumes.push({ VolumeId: 'vol-1', VolumeType: 'gp3', Size: 8, State: 'in-use', Encrypted: false, CreateTime: new Date('2026-01-01T00:00:00Z'), AvailabilityZone: 'us-east-1a',
    Attachments: [{ InstanceId: 'i-1', Device: '/dev/xvda', State: 'attached' }] });
  use1.snapshots.push(
    { SnapshotId: 'snap-public', VolumeId: 'vol-1', VolumeSize: 8, StartTime: new Date('2026-02-01T00:00:00Z'), State: 'completed', Encrypted: false, OwnerId: id, Description: 'oops' },
    { SnapshotId: 'snap-private', VolumeId: 'vol-1', VolumeSize: 8, StartTime: new Date('2026-02-02T00:00:00Z'), State: 'completed', Encrypted: true, KmsKeyId: 'k', OwnerId: id, Description: '' },
  );
  use1.publicSnapshotIds.add('snap-public');
  use1.ebsEncryptionByDefault = true;
  use1.vpcs.push({ VpcId: 'vpc-1', CidrBlock: '10.0.0.0/16', IsDefault: false, State: 'available', OwnerId: id }, { VpcId: 'vpc-2', CidrBlock: '172.31.0.0/16', IsDefault: true, State: 'available', OwnerId: id });
  use1.flowLogs.push({ FlowLogId: 'fl-1', ResourceId: 'vpc-1', FlowLogStatus: 'ACTIVE', TrafficType: 'ALL', LogDestinationType: 's3', DeliverLogsStatus: 'SUCCESS' });

  a.buckets.push(
    { name: 'logs-bucket', region: 'us-east-1', creationDate: new Date('2025-01-01T00:00:00Z'),
      encryption: { Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: 'arn:aws:kms:us-east-1:111111111111:key/k1' }, BucketKeyEnabled: true }] },
      publicAccessBlock: { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true },
      policy: { text: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: 'arn:aws:s3:::logs-bucket/*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }] }), isPublic: false },
      grants: [{ Grantee: { Type: 'CanonicalUser', ID: 'owner' }, Permission: 'FULL_CONTROL' }], ownership: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
      versioning: { Status: 'Enabled', MFADelete: 'Disabled' }, logging: { TargetBucket: 'audit', TargetPrefix: 'logs/' }, tags: [{ Key: 'owner', Value: 'ops' }],
      objectLock: { ObjectLockEnabled: 'Enabled', Rule: { DefaultRetention: { Mode: 'GOVERNANCE', Days: 30 } } } },
    { name: 'bare-bucket', region: 'us-east-1', creationDate: new Date('2025-02-01T00:00:00Z'), encryption: null, publicAccessBlock: null, policy: null,
      grants: [{ Grantee: { Type: 'Group', URI: 'http://acs.amazonaws.com/groups/global/AllUsers' }, Permission: 'READ' }], ownership: null,
      versioning: {}, logging: null, tags: null },
    { name: 'eu-bucket', region: 'eu-west-1', creationDate: new Date('2025-03-01T00:00:00Z'), encryption: { Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
      publicAccessBlock: null, policy: null, grants: [], ownership: null, versioning: { Status: 'Suspended' }, logging: null, tags: [] },
  );
  a.accountPublicAccessBlock = null;
  a.rds['us-east-1'] = {
    instances: [{ DBInstanceIdentifier: 'db1', DBInstanceArn: `arn:aws:rds:us-east-1:${id}:db:db1`, DBInstanceClass: 'db.t3.micro', Engine: 'postgres', EngineVersion: '16.1',
      DBInstanceStatus: 'available', InstanceCreateTime: new Date('2025-01-01T00:00:00Z'), StorageEncrypted: false, PubliclyAccessible: true, BackupRetentionPeriod: 0,
      DeletionProtection: false, MultiAZ: false, AutoMinorVersionUpgrade: true, IAMDatabaseAuthenticationEnabled: false, TagList: [{ Key: 'app', Value: 'x' }] }],
    clusters: [{ DBClusterIdentifier: 'c1', DBClusterArn: `arn:aws:rds:us-east-1:${id}:cluster:c1`, Engine: 'aurora-postgresql', EngineVersion: '16.1', Status: 'available',
      StorageEncrypted: true, KmsKeyId: 'k', BackupRetentionPeriod: 7, DeletionProtection: true, MultiAZ: true, DBClusterMembers: [{ DBInstanceIdentifier: 'c1-a', IsClusterWriter: true }] }],
  };
  a.trails.push({ Name: 'org-trail', TrailARN: `arn:aws:cloudtrail:us-east-1:${id}:trail/org-trail`, HomeRegion: 'us-east-1', IsMultiRegionTrail: true, IsOrganizationTrail: false,
    IncludeGlobalServiceEvents: true, LogFileValidationEnabled: true, S3BucketName: 'logs-bucket', KmsKeyId: 'arn:aws:kms:us-east-1:111111111111:key/k1',
    isLogging: true, eventSelectors: [{ ReadWriteType: 'All', IncludeManagementEvents: true, DataResources: [{ Type: 'AWS::S3::Object', Values: ['arn:aws:s3'] }] }] });
  a.trails.push({ Name: 'eu-only', TrailARN: `arn:aws:cloudtrail:eu-west-1:${id}:trail/eu-only`, HomeRegion: 'eu-west-1', IsMultiRegionTrail: false,
    IncludeGlobalServiceEvents: false, LogFileValidationEnabled: false, S3BucketName: 'eu-bucket', isLogging: false, eventSelectors: [{ ReadWriteType: 'WriteOnly', IncludeManagementEvents: true }] });
  a.kms['us-east-1'] = [
    { metadata: { KeyId: 'k1', Arn: `arn:aws:kms:us-east-1:${id}:key/k1`, KeyManager: 'CUSTOMER', KeySpec: 'SYMMETRIC_DEFAULT', KeyUsage: 'ENCRYPT_DECRYPT', KeyState: 'Enabled',
      Origin: 'AWS_KMS', CreationDate: new Date('2025-01-01T00:00:00Z'), Description: 'data', MultiRegion: false }, rotationEnabled: false, aliases: ['alias/data'] },
    { metadata: { KeyId: 'k2', Arn: `arn:aws:kms:us-east-1:${id}:key/k2`, KeyManager: 'AWS', KeySpec: 'SYMMETRIC_DEFAULT', KeyUsage: 'ENCRYPT_DECRYPT', KeyState: 'Enabled',
      Origin: 'AWS_KMS', CreationDate: new Date('2025-01-01T00:00:00Z'), Description: 'aws/ebs', MultiRegion: false }, rotationEnabled: true, aliases: ['alias/aws/ebs'] },
    { metadata: { KeyId: 'k3', Arn: `arn:aws:kms:us-east-1:${id}:key/k3`, KeyManager: 'CUSTOMER', KeySpec: 'RSA_2048', KeyUsage: 'SIGN_VERIFY', KeyState: 'Enabled',
      Origin: 'AWS_KMS', CreationDate: new Date('2025-01-01T00:00:00Z'), Description: 'signing', MultiRegion: false }, rotationEnabled: false, aliases: [] },
  ];
  a.backup['us-east-1'] = {
    plans: [{ id: 'plan-1', name: 'daily', rules: [{ RuleName: 'daily', TargetBackupVaultName: 'Default', ScheduleExpression: 'cron(0 5 ? * * *)', Lifecycle: { DeleteAfterDays: 35 }, RuleId: 'r1' }],
      selections: [{ SelectionId: 'sel-1', SelectionName: 'tagged', IamRoleArn: arn('role', 'backup'), Resources: ['arn:aws:ec2:*:*:volume/*'], ListOfTags: [{ ConditionType: 'STRINGEQUALS', ConditionKey: 'backup', ConditionValue: 'yes' }] }] }],
    protectedResources: [{ ResourceArn: `arn:aws:ec2:us-east-1:${id}:volume/vol-1`, ResourceType: 'EBS', LastBackupTime: new Date('2026-11-21T05:00:00Z'), ResourceName: 'root' }],
  };
  a.securityContact = { AlternateContactType: 'SECURITY', Name: 'Sec Team', Title: 'CISO', EmailAddress: 'sec@example.com', PhoneNumber: '+1-555-0100' };
  addCoverageServices(a);
  a.data = richDataServices(id);
  addEdgeServices(a);
  return a;
}

/** GuardDuty, Access Analyzer, Config, EFS, CloudWatch Logs and network ACLs: us-east-1 set up, eu-west-1 half done. */
export function addCoverageServices(a: FakeAccount): void {
  const id = a.id;
  a.guardduty = {
    'us-east-1': { 'det-use1': { Status: 'ENABLED', FindingPublishingFrequency: 'SIX_HOURS', ServiceRole: `arn:aws:iam::${id}:role/aws-service-role/guardduty.amazonaws.com/AWSServiceRoleForAmazonGuardDuty`, UpdatedAt: '2026-01-01T00:00:00.000Z' } },
    'eu-west-1': { 'det-euw1': { Status: 'DISABLED', ServiceRole: `arn:aws:iam::${id}:role/aws-service-role/guardduty.amazonaws.com/AWSServiceRoleForAmazonGuardDuty` } },
  };
  a.accessAnalyzers = {
    'us-east-1': [
      { arn: `arn:aws:access-analyzer:us-east-1:${id}:analyzer/external`, name: 'external', type: 'ACCOUNT', status: 'ACTIVE', createdAt: new Date('2025-01-01T00:00:00Z'), tags: { owner: 'security' } },
      { arn: `arn:aws:access-analyzer:us-east-1:${id}:analyzer/unused`, name: 'unused', type: 'ACCOUNT_UNUSED_ACCESS', status: 'DISABLED', createdAt: new Date('2025-01-01T00:00:00Z'), statusReason: { code: 'AWS_SERVICE_ACCESS_DISABLED' } },
    ],
  };
  a.configRecorders = {
    'us-east-1': {
      recorders: [{ arn: `arn:aws:config:us-east-1:${id}:configuration-recorder/default/abc`, name: 'default', roleARN: `arn:aws:iam::${id}:role/config`,
        recordingGroup: { allSupported: true, includeGlobalResourceTypes: true, recordingStrategy: { useOnly: 'ALL_SUPPORTED_RESOURCE_TYPES' } } }],
      statuses: [{ arn: `arn:aws:config:us-east-1:${id}:configuration-recorder/default/abc`, name: 'default', recording: true, lastStatus: 'Success' }],
    },
    'eu-west-1': {
      recorders: [{ name: 'partial', roleARN: `arn:aws:iam::${id}:role/config`,
        recordingGroup: { allSupported: false, includeGlobalResourceTypes: false, resourceTypes: ['AWS::EC2::Instance'], recordingStrategy: { useOnly: 'INCLUSION_BY_RESOURCE_TYPES' } } }],
      statuses: [{ name: 'partial', recording: false, lastStatus: 'Failure', lastErrorCode: 'AccessDenied' }],
    },
  };
  a.efs = {
    'us-east-1': [
      { FileSystemId: 'fs-enc', FileSystemArn: `arn:aws:elasticfilesystem:us-east-1:${id}:file-system/fs-enc`, OwnerId: id, CreationToken: 'a', CreationTime: new Date('2025-01-01T00:00:00Z'),
        LifeCycleState: 'available', NumberOfMountTargets: 2, SizeInBytes: { Value: 6144 }, PerformanceMode: 'generalPurpose', ThroughputMode: 'elastic',
        Encrypted: true, KmsKeyId: `arn:aws:kms:us-east-1:${id}:key/k1`, Name: 'shared', Tags: [{ Key: 'Name', Value: 'shared' }, { Key: 'owner', Value: 'ops' }] },
      { FileSystemId: 'fs-plain', OwnerId: id, CreationToken: 'b', CreationTime: new Date('2025-02-01T00:00:00Z'), LifeCycleState: 'available', NumberOfMountTargets: 0,
        SizeInBytes: { Value: 0 }, PerformanceMode: 'generalPurpose', Encrypted: false, Tags: [] },
    ],
  };
  a.logGroups = {
    'us-east-1': [
      { logGroupName: '/aws/lambda/api', arn: `arn:aws:logs:us-east-1:${id}:log-group:/aws/lambda/api:*`, creationTime: Date.parse('2025-01-01T00:00:00Z'), retentionInDays: 30, storedBytes: 1024 },
      { logGroupName: 'cloudtrail', arn: `arn:aws:logs:us-east-1:${id}:log-group:cloudtrail:*`, creationTime: Date.parse('2025-01-01T00:00:00Z'), storedBytes: 0, kmsKeyId: `arn:aws:kms:us-east-1:${id}:key/k1` },
    ],
  };
  ec2Region(a, 'us-east-1').networkInterfaces.push(
    { NetworkInterfaceId: 'eni-1', InterfaceType: 'interface', Attachment: { InstanceId: 'i-1' }, Groups: [{ GroupId: 'sg-open', GroupName: 'ssh-open' }], SubnetId: 'subnet-1', VpcId: 'vpc-1' },
    { NetworkInterfaceId: 'eni-2', InterfaceType: 'lambda', Groups: [{ GroupId: 'sg-open', GroupName: 'ssh-open' }, { GroupId: 'sg-other', GroupName: 'other' }], SubnetId: 'subnet-1', VpcId: 'vpc-1' },
  );
  ec2Region(a, 'us-east-1').networkAcls = [
    { NetworkAclId: 'acl-default', VpcId: 'vpc-1', IsDefault: true, OwnerId: id, Associations: [{ NetworkAclAssociationId: 'aclassoc-1', NetworkAclId: 'acl-default', SubnetId: 'subnet-1' }],
      Entries: [
        { RuleNumber: 100, Protocol: '-1', RuleAction: 'allow', Egress: false, CidrBlock: '0.0.0.0/0' },
        { RuleNumber: 101, Protocol: '-1', RuleAction: 'allow', Egress: false, Ipv6CidrBlock: '::/0' },
        { RuleNumber: 32767, Protocol: '-1', RuleAction: 'deny', Egress: false, CidrBlock: '0.0.0.0/0' },
        { RuleNumber: 100, Protocol: '-1', RuleAction: 'allow', Egress: true, CidrBlock: '0.0.0.0/0' },
      ] },
    { NetworkAclId: 'acl-web', VpcId: 'vpc-1', IsDefault: false, OwnerId: id, Associations: [], Tags: [{ Key: 'Name', Value: 'web' }],
      Entries: [
        { RuleNumber: 10, Protocol: '6', RuleAction: 'deny', Egress: false, CidrBlock: '0.0.0.0/0', PortRange: { From: 22, To: 22 } },
        { RuleNumber: 20, Protocol: '6', RuleAction: 'allow', Egress: false, CidrBlock: '0.0.0.0/0', PortRange: { From: 0, To: 1024 } },
      ] },
  ];
}

export function singleAccountState(account: FakeAccount = richAccount()): FakeState {
  return { callerAccount: account.id, accounts: new Map([[account.id, account]]) };
}

export { FakeAws };

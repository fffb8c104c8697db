import type { Listing } from '../../src/core/inventory.js';
import { collectionError, seen, unseen, type Observed } from '../../src/core/observed.js';
import type { Policy } from '../../src/core/policy.js';
import { GLOBAL_REGION, type Resource, type ResourceType, type Scope } from '../../src/core/resource.js';
import { listing, resource } from '../../src/inventory/build.js';
import {
  type AccessKeySlot,
  type AclGrant,
  type AttachedPolicy,
  type IpPermission,
  type PolicyDocument,
  type PublicAccessBlock,
  type UserCredentials,
} from './model/index.js';
import { parsePolicyDocument } from './policy-document.js';
import { AWS_GLOBAL_TYPES, AWS_REGIONAL_TYPES, awsSettingId } from './resources.js';
import { dataServicesDemo } from './demo-data.js';
import { edgeDemo } from './demo-edge.js';
import { dutyscanType, parseArn } from './tag-policy.js';

/**
 * The demo organisation's AWS side: three accounts, two or three regions each, compliant and
 * non-compliant resources for every duty, and one fact AWS refused to give (s3:GetBucketPolicyStatus
 * on payments-exports) so that ERROR shows as it would in a real scan.
 * Tagging, residency and critical-data checks need `awsDemoPolicy` in the configuration.
 */
export const awsDemoPolicy: Policy = {
  requiredTags: [
    { key: 'owner', resourceTypes: ['aws.*'] },
    { key: 'data-classification', pattern: 'public|internal|confidential|restricted', resourceTypes: ['aws.s3.*', 'aws.rds.*', 'aws.ec2.volume'] },
  ],
  allowedRegions: { aws: ['eu-west-1', 'eu-central-1'] },
  criticalResources: ['payments-*', 'dp-curated'],
};

export interface Account {
  readonly id: string;
  readonly name: string;
  readonly regions: readonly string[];
}

const DAY = 86_400_000;
const ADMIN_ARN = 'arn:aws:iam::aws:policy/AdministratorAccess';
const SUPPORT_ARN = 'arn:aws:iam::aws:policy/AWSSupportAccess';
const READONLY_ARN = 'arn:aws:iam::aws:policy/ReadOnlyAccess';
const BLOCK_ALL: PublicAccessBlock = { blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: true, restrictPublicBuckets: true };

export const doc = (...statements: Record<string, unknown>[]): PolicyDocument =>
  parsePolicyDocument({ Version: '2012-10-17', Statement: statements });
const trustService = (service: string) => doc({ Effect: 'Allow', Principal: { Service: service }, Action: 'sts:AssumeRole' });
const trustAccount = (account: string, condition?: Record<string, unknown>) =>
  doc({ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${account}:root` }, Action: 'sts:AssumeRole', ...(condition ? { Condition: condition } : {}) });
const managed = (arn: string): AttachedPolicy => ({ policyArn: arn, policyName: arn.split('/').pop() ?? arn });
const rule = (protocol: string, from: number | null, to: number | null, cidrs: string[]): IpPermission => ({
  ipProtocol: protocol, fromPort: from, toPort: to, ipRanges: cidrs.filter((c) => !c.includes(':')),
  ipv6Ranges: cidrs.filter((c) => c.includes(':')), prefixListIds: [], userIdGroupPairs: [],
});

/** Collects resources per (account, region, type) and emits one listing per scope and type, as a scan would. */
export class DemoOrg {
  private readonly items = new Map<string, Resource[]>();
  constructor(readonly now: Date, readonly accounts: readonly Account[]) {}

  ago = (days: number): string => new Date(this.now.getTime() - days * DAY).toISOString();

  add<T extends ResourceType>(account: Account, region: string, type: T, id: string, name: string, data: Resource<T>['data'], tags: Record<string, string> = {}): void {
    const key = `${account.id}|${region}|${type}`;
    const list = this.items.get(key) ?? [];
    list.push(resource(type, { provider: 'aws', account: account.id, region }, { id, name, tags, data }));
    this.items.set(key, list);
  }

  listings(): Listing[] {
    return this.accounts.flatMap((account) => {
      const scope = (region: string): Scope => ({ provider: 'aws', account: account.id, accountName: account.name, region });
      const global = AWS_GLOBAL_TYPES.map((type) => listing(scope(GLOBAL_REGION), type, this.items.get(`${account.id}|${GLOBAL_REGION}|${type}`) ?? []));
      const regional = account.regions.flatMap((region) =>
        AWS_REGIONAL_TYPES.map((type) => listing(scope(region), type, this.items.get(`${account.id}|${region}|${type}`) ?? [])));
      return [...global, ...regional];
    });
  }
}

// ---- builders: a sensible resource, overridden where the story needs it

function key(org: DemoOrg, slot: 1 | 2, rotatedDaysAgo: number, usedDaysAgo: number | null, active = true): AccessKeySlot {
  return { slot, active, lastRotated: org.ago(rotatedDaysAgo), lastUsedDate: usedDaysAgo === null ? null : org.ago(usedDaysAgo), lastUsedRegion: 'eu-west-1', lastUsedService: 's3' };
}

function root(org: DemoOrg, a: Account, o: { mfa: boolean; virtual: boolean; keys: boolean; usedDaysAgo: number }) {
  const arn = awsSettingId.root(a.id);
  org.add(a, GLOBAL_REGION, 'aws.iam.root', arn, 'root user', {
    arn, mfaActive: seen(o.mfa), virtualMfaAssigned: seen(o.virtual), accessKeysPresent: seen(o.keys),
    usage: seen({ passwordLastUsed: org.ago(o.usedDaysAgo), accessKeys: o.keys ? [key(org, 1, 900, o.usedDaysAgo)] : [] }),
  });
}

function passwordPolicy(org: DemoOrg, a: Account, minimumPasswordLength: number | null, passwordReusePrevention: number | null) {
  const policy = minimumPasswordLength === null ? null : {
    minimumPasswordLength, requireSymbols: true, requireNumbers: true, requireUppercaseCharacters: true, requireLowercaseCharacters: true,
    allowUsersToChangePassword: true, expirePasswords: false, maxPasswordAge: null, passwordReusePrevention, hardExpiry: false,
  };
  org.add(a, GLOBAL_REGION, 'aws.iam.password-policy', awsSettingId.passwordPolicy(a.id), 'account password policy', { policy });
}

function user(org: DemoOrg, a: Account, name: string, creds: Partial<UserCredentials>, o: { groups?: string[]; attached?: string[] } = {}) {
  const arn = `arn:aws:iam::${a.id}:user/${name}`;
  org.add(a, GLOBAL_REGION, 'aws.iam.user', arn, name, {
    userName: name, userId: `AIDA${name.toUpperCase().replace(/-/g, '')}`, arn, path: '/', createDate: org.ago(700), groupList: o.groups ?? [],
    attachedManagedPolicies: (o.attached ?? []).map(managed), userPolicyList: [], permissionsBoundaryArn: null,
    credentials: seen({ passwordEnabled: true, passwordLastUsed: org.ago(1), passwordLastChanged: org.ago(60), mfaActive: true, accessKeys: [], ...creds }),
  }, { owner: 'identity-team' });
}

function group(org: DemoOrg, a: Account, name: string, attached: string[]) {
  const arn = `arn:aws:iam::${a.id}:group/${name}`;
  org.add(a, GLOBAL_REGION, 'aws.iam.group', arn, name, {
    groupName: name, groupId: `AGPA${name.toUpperCase()}`, arn, path: '/', createDate: org.ago(800), attachedManagedPolicies: attached.map(managed), groupPolicyList: [],
  });
}

function policy(org: DemoOrg, a: Account, arn: string, document: PolicyDocument, attachmentCount = 1) {
  const name = arn.split('/').pop() ?? arn;
  org.add(a, GLOBAL_REGION, 'aws.iam.policy', arn, name, {
    policyName: name, policyId: `ANPA${name.toUpperCase().replace(/-/g, '')}`, arn, path: '/', awsManaged: arn.startsWith('arn:aws:iam::aws:'),
    attachmentCount, isAttachable: true, defaultVersionId: 'v1', createDate: org.ago(900), updateDate: org.ago(100), document,
  });
}

function awsPolicies(org: DemoOrg, a: Account) {
  policy(org, a, ADMIN_ARN, doc({ Effect: 'Allow', Action: '*', Resource: '*' }));
  policy(org, a, READONLY_ARN, doc({ Effect: 'Allow', Action: ['s3:Get*', 's3:List*', 'ec2:Describe*', 'rds:Describe*'], Resource: '*' }));
  policy(org, a, SUPPORT_ARN, doc({ Effect: 'Allow', Action: ['support:*'], Resource: '*' }));
}

function role(org: DemoOrg, a: Account, name: string, trust: PolicyDocument, attached: string[] = []) {
  const arn = `arn:aws:iam::${a.id}:role/${name}`;
  org.add(a, GLOBAL_REGION, 'aws.iam.role', arn, name, {
    roleName: name, roleId: `AROA${name.toUpperCase().replace(/-/g, '')}`, arn, path: '/', createDate: org.ago(500), assumeRolePolicyDocument: trust,
    attachedManagedPolicies: attached.map(managed), rolePolicyList: [], permissionsBoundaryArn: null, roleLastUsed: { lastUsedDate: org.ago(1), region: 'eu-west-1' },
  });
}

function accountSettings(org: DemoOrg, a: Account, block: PublicAccessBlock | null, contactEmail: string | null) {
  org.add(a, GLOBAL_REGION, 'aws.s3.account-public-access-block', awsSettingId.s3AccountPublicAccessBlock(a.id), 'S3 account public access block', { publicAccessBlock: block });
  org.add(a, GLOBAL_REGION, 'aws.account.security-contact', awsSettingId.securityContact(a.id), 'security contact', {
    contact: contactEmail === null ? null : { name: 'Security Operations', title: 'SOC', emailAddress: contactEmail, phoneNumber: '+44 20 7946 0000' },
  });
  for (const region of a.regions) org.add(a, region, 'aws.account.region', awsSettingId.region(a.id, region), region, { regionName: region, optStatus: 'ENABLED_BY_DEFAULT' });
}

interface BucketStory {
  sse?: 'AES256' | 'aws:kms' | null;
  block?: PublicAccessBlock | null;
  publicAcl?: boolean;
  policyPublic?: Observed<{ isPublic: boolean } | null>;
  tlsOnly?: boolean;
  versioning?: 'Enabled' | 'Suspended' | null;
  mfaDelete?: boolean;
  logged?: boolean;
  tags?: Record<string, string>;
  /** Critical buckets only (the scan reads Object Lock for those): days of COMPLIANCE retention, or false for none. */
  objectLockDays?: number | false;
}

function bucket(org: DemoOrg, a: Account, region: string, name: string, s: BucketStory = {}) {
  const sse = s.sse === undefined ? 'aws:kms' : s.sse;
  const tags = s.tags ?? { owner: a.name, 'data-classification': 'internal' };
  const tlsPolicy = doc({ Sid: 'DenyPlainHttp', Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: [`arn:aws:s3:::${name}`, `arn:aws:s3:::${name}/*`], Condition: { Bool: { 'aws:SecureTransport': 'false' } } });
  const grants: AclGrant[] = [{ granteeType: 'CanonicalUser', granteeUri: null, granteeId: 'owner', permission: 'FULL_CONTROL' }];
  if (s.publicAcl) grants.push({ granteeType: 'Group', granteeUri: 'http://acs.amazonaws.com/groups/global/AllUsers', granteeId: null, permission: 'READ' });
  org.add(a, region, 'aws.s3.bucket', `arn:aws:s3:::${name}`, name, {
    name, creationDate: org.ago(600),
    encryption: seen(sse === null ? null : { sseAlgorithm: sse, kmsMasterKeyId: sse === 'aws:kms' ? `arn:aws:kms:${region}:${a.id}:key/${name}` : null, bucketKeyEnabled: sse === 'aws:kms' }),
    publicAccessBlock: seen(s.block === undefined ? BLOCK_ALL : s.block),
    policyStatus: s.policyPublic ?? seen(s.tlsOnly === false ? null : { isPublic: false }),
    policy: seen(s.tlsOnly === false ? null : tlsPolicy),
    // As collected: with ACLs disabled (BucketOwnerEnforced) the ACL is not read.
    aclGrants: seen(s.publicAcl ? grants : null), objectOwnership: seen(s.publicAcl ? 'ObjectWriter' : 'BucketOwnerEnforced'),
    versioning: seen({ status: s.versioning === undefined ? 'Enabled' : s.versioning, mfaDelete: s.mfaDelete ? 'Enabled' : 'Disabled' }),
    logging: seen(s.logged ? { targetBucket: `${a.name}-access-logs`, targetPrefix: `${name}/` } : null), tagging: seen(tags),
    objectLock: s.objectLockDays === undefined ? null
      : seen(s.objectLockDays === false ? null : { enabled: true, defaultRetention: { mode: 'COMPLIANCE', days: s.objectLockDays, years: null } }),
  }, tags);
}

function network(org: DemoOrg, a: Account, region: string, o: { flowLogs: boolean; defaultOpen: boolean; groups?: Record<string, IpPermission[]>; unused?: string[] }) {
  const vpcId = `vpc-${a.id.slice(0, 4)}${region.replace(/[^0-9]/g, '')}`;
  org.add(a, region, 'aws.ec2.vpc', `arn:aws:ec2:${region}:${a.id}:vpc/${vpcId}`, vpcId, {
    vpcId, cidrBlock: '10.0.0.0/16', isDefault: false, state: 'available',
    flowLogs: seen(o.flowLogs ? [{ flowLogId: `fl-${vpcId}`, flowLogStatus: 'ACTIVE', trafficType: 'ALL', logDestinationType: 's3', deliverLogsStatus: 'SUCCESS' }] : []),
  }, { owner: 'network-team' });
  const groups: Record<string, IpPermission[]> = { default: o.defaultOpen ? [rule('-1', null, null, [])] : [], ...o.groups };
  for (const [name, ingress] of Object.entries(groups)) {
    const groupId = `sg-${name.replace(/[^a-z0-9]/g, '').slice(0, 10)}${region.replace(/[^0-9]/g, '')}`;
    const egress = name === 'default' && !o.defaultOpen ? [] : [rule('-1', null, null, ['0.0.0.0/0'])];
    org.add(a, region, 'aws.ec2.security-group', `arn:aws:ec2:${region}:${a.id}:security-group/${groupId}`, name, {
      groupId, groupName: name, description: name, vpcId, ownerId: a.id, ipPermissions: ingress, ipPermissionsEgress: egress,
      networkInterfaceCount: seen(o.unused?.includes(name) ? 0 : 2),
    });
  }
}

function instance(org: DemoOrg, a: Account, region: string, id: string, o: { imdsv2: boolean; profile: boolean; tags?: Record<string, string> }) {
  org.add(a, region, 'aws.ec2.instance', `arn:aws:ec2:${region}:${a.id}:instance/${id}`, id, {
    instanceId: id, instanceType: 'm6i.large', state: 'running', imageId: 'ami-0abc1234', launchTime: org.ago(45), vpcId: null, subnetId: null,
    publicIpAddress: null, iamInstanceProfileArn: o.profile ? `arn:aws:iam::${a.id}:instance-profile/${id}` : null,
    metadataOptions: { httpTokens: o.imdsv2 ? 'required' : 'optional', httpEndpoint: 'enabled', httpPutResponseHopLimit: 1 },
    securityGroupIds: [], volumeIds: [], platform: null,
  }, o.tags ?? { owner: a.name });
}

function volume(org: DemoOrg, a: Account, region: string, id: string, o: { encrypted: boolean; backupDaysAgo?: number; snapshotDaysAgo?: number; tags?: Record<string, string> }) {
  const arn = `arn:aws:ec2:${region}:${a.id}:volume/${id}`;
  org.add(a, region, 'aws.ec2.volume', arn, id, {
    volumeId: id, volumeType: 'gp3', size: 100, state: 'in-use', encrypted: o.encrypted, kmsKeyId: o.encrypted ? 'alias/aws/ebs' : null,
    createTime: org.ago(300), availabilityZone: `${region}a`, snapshotId: null, attachments: [{ instanceId: 'i-attached', device: '/dev/xvdf', state: 'attached' }],
  }, o.tags ?? { owner: a.name, 'data-classification': 'confidential' });
  if (o.backupDaysAgo !== undefined) {
    org.add(a, region, 'aws.backup.protected-resource', arn, id, { resourceArn: arn, resourceType: 'EBS', lastBackupTime: org.ago(o.backupDaysAgo), resourceName: id });
  }
  if (o.snapshotDaysAgo !== undefined) snapshot(org, a, region, `snap-${id.slice(4)}`, { volumeId: id, daysAgo: o.snapshotDaysAgo, encrypted: o.encrypted, public: false });
}

function snapshot(org: DemoOrg, a: Account, region: string, id: string, o: { volumeId: string; daysAgo: number; encrypted: boolean; public: boolean }) {
  org.add(a, region, 'aws.ec2.snapshot', `arn:aws:ec2:${region}::snapshot/${id}`, id, {
    snapshotId: id, volumeId: o.volumeId, volumeSize: 100, startTime: org.ago(o.daysAgo), state: 'completed', encrypted: o.encrypted,
    kmsKeyId: o.encrypted ? 'alias/aws/ebs' : null, ownerId: a.id, description: '', publiclyRestorable: seen(o.public),
  });
}

function ebsDefault(org: DemoOrg, a: Account, region: string, enabled: boolean) {
  org.add(a, region, 'aws.ec2.ebs-encryption-default', awsSettingId.ebsEncryptionDefault(a.id, region), `EBS encryption by default (${region})`, {
    ebsEncryptionByDefault: enabled, kmsKeyId: seen(null),
  });
}

function rdsInstance(org: DemoOrg, a: Account, region: string, id: string, o: { encrypted?: boolean; public?: boolean; retention?: number; protection?: boolean; cluster?: string; tags?: Record<string, string> } = {}) {
  const arn = `arn:aws:rds:${region}:${a.id}:db:${id}`;
  org.add(a, region, 'aws.rds.instance', arn, id, {
    dbInstanceIdentifier: id, dbInstanceArn: arn, dbInstanceClass: 'db.r6g.large', engine: o.cluster ? 'aurora-postgresql' : 'postgres', engineVersion: '16.4',
    dbInstanceStatus: 'available', instanceCreateTime: org.ago(400), dbClusterIdentifier: o.cluster ?? null, storageEncrypted: o.encrypted ?? true,
    kmsKeyId: (o.encrypted ?? true) ? 'alias/aws/rds' : null, publiclyAccessible: o.public ?? false, backupRetentionPeriod: o.retention ?? 14,
    deletionProtection: o.protection ?? true, multiAZ: true, autoMinorVersionUpgrade: true, iamDatabaseAuthenticationEnabled: true,
  }, o.tags ?? { owner: a.name, 'data-classification': 'restricted' });
}

function rdsCluster(org: DemoOrg, a: Account, region: string, id: string, o: { encrypted: boolean; retention: number; protection: boolean; members: string[]; iamAuth?: boolean; copyTags?: boolean }) {
  const arn = `arn:aws:rds:${region}:${a.id}:cluster:${id}`;
  org.add(a, region, 'aws.rds.cluster', arn, id, {
    dbClusterIdentifier: id, dbClusterArn: arn, engine: 'aurora-postgresql', engineVersion: '16.4', status: 'available', clusterCreateTime: org.ago(400),
    storageEncrypted: o.encrypted, kmsKeyId: o.encrypted ? 'alias/aws/rds' : null, publiclyAccessible: null, backupRetentionPeriod: o.retention, deletionProtection: o.protection,
    multiAZ: true, members: o.members, iamDatabaseAuthenticationEnabled: o.iamAuth ?? false, copyTagsToSnapshot: o.copyTags ?? false,
  }, { owner: a.name });
}

/** A trail and, for a multi-region one, its shadow copy in every other region of the account. */
function trail(org: DemoOrg, a: Account, home: string, name: string, o: { multiRegion: boolean; validation: boolean; kms: boolean; s3Events?: boolean }) {
  const arn = `arn:aws:cloudtrail:${home}:${a.id}:trail/${name}`;
  const data = {
    name, trailArn: arn, homeRegion: home, isMultiRegionTrail: o.multiRegion, isOrganizationTrail: false, includeGlobalServiceEvents: o.multiRegion,
    logFileValidationEnabled: o.validation, kmsKeyId: o.kms ? `arn:aws:kms:${home}:${a.id}:key/cloudtrail` : null, s3BucketName: `${a.name}-cloudtrail`,
    cloudWatchLogsLogGroupArn: null, status: seen({ isLogging: true, latestDeliveryTime: org.ago(0), latestDeliveryError: null }),
    eventSelectors: seen({ managementEvents: { read: true, write: true }, s3ObjectDataEvents: { read: o.s3Events ?? false, write: o.s3Events ?? false } }),
  };
  for (const region of o.multiRegion ? a.regions : [home]) org.add(a, region, 'aws.cloudtrail.trail', arn, name, data);
}

export function kmsKey(org: DemoOrg, a: Account, region: string, alias: string, o: { customer: boolean; rotation: boolean; publicPolicy?: boolean }) {
  const keyId = `${alias.replace(/[^a-z]/g, '').slice(0, 8)}-0000-4000-8000-${a.id}`;
  const arn = `arn:aws:kms:${region}:${a.id}:key/${keyId}`;
  org.add(a, region, 'aws.kms.key', arn, alias, {
    keyId, arn, aliases: [alias],
    metadata: seen({ keyManager: o.customer ? 'CUSTOMER' : 'AWS', keySpec: 'SYMMETRIC_DEFAULT', keyUsage: 'ENCRYPT_DECRYPT', keyState: 'Enabled', origin: 'AWS_KMS', creationDate: org.ago(800), description: alias, multiRegion: false }),
    rotation: o.customer ? seen({ keyRotationEnabled: o.rotation, rotationPeriodInDays: o.rotation ? 365 : null }) : null,
    policy: o.customer
      ? seen(doc({ Effect: 'Allow', Principal: { AWS: o.publicPolicy ? '*' : `arn:aws:iam::${a.id}:root` }, Action: o.publicPolicy ? ['kms:Decrypt', 'kms:DescribeKey'] : 'kms:*', Resource: '*' }))
      : null,
  });
}

function backupPlan(org: DemoOrg, a: Account, region: string, name: string, withSelection: boolean) {
  const arn = `arn:aws:backup:${region}:${a.id}:backup-plan:${name}`;
  org.add(a, region, 'aws.backup.plan', arn, name, {
    backupPlanId: name, backupPlanArn: arn, backupPlanName: name, versionId: 'v1', creationDate: org.ago(300), lastExecutionDate: org.ago(1),
    rules: seen([{ ruleName: 'nightly', targetBackupVaultName: 'Default', scheduleExpression: 'cron(0 3 ? * * *)', deleteAfterDays: 35, moveToColdStorageAfterDays: null }]),
    selections: seen(withSelection
      ? [{ selectionId: `${name}-sel`, selectionName: 'tagged', iamRoleArn: `arn:aws:iam::${a.id}:role/backup`, resources: [], notResources: [], listOfTags: [{ conditionType: 'STRINGEQUALS', conditionKey: 'backup', conditionValue: 'nightly' }] }]
      : []),
  });
}

// ---- GuardDuty, Access Analyzer, Config, EFS, CloudWatch Logs, network ACLs

function guardDuty(org: DemoOrg, a: Account, region: string, status: 'ENABLED' | 'DISABLED') {
  const detectorId = `${a.id.slice(0, 4)}${region.replace(/[^a-z0-9]/g, '')}`;
  const arn = `arn:aws:guardduty:${region}:${a.id}:detector/${detectorId}`;
  org.add(a, region, 'aws.guardduty.detector', arn, detectorId, {
    detectorId, arn, detail: seen({ status, findingPublishingFrequency: 'FIFTEEN_MINUTES', updatedAt: org.ago(90) }),
  });
}

function accessAnalyzer(org: DemoOrg, a: Account, region: string, name: string, type: string, status = 'ACTIVE') {
  const arn = `arn:aws:access-analyzer:${region}:${a.id}:analyzer/${name}`;
  org.add(a, region, 'aws.accessanalyzer.analyzer', arn, name, { arn, name, type, status, statusReason: null, createdAt: org.ago(300) });
}

function configRecorder(org: DemoOrg, a: Account, region: string, o: { allSupported: boolean; recording: boolean }) {
  const arn = `arn:aws:config:${region}:${a.id}:configuration-recorder/default/${a.id.slice(0, 4)}`;
  org.add(a, region, 'aws.config.recorder', arn, 'default', {
    name: 'default', arn, roleArn: `arn:aws:iam::${a.id}:role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig`, servicePrincipal: null,
    recordingGroup: o.allSupported
      ? { allSupported: true, includeGlobalResourceTypes: region === 'eu-west-1', recordingStrategy: 'ALL_SUPPORTED_RESOURCE_TYPES', resourceTypes: [], excludedResourceTypes: [] }
      : { allSupported: false, includeGlobalResourceTypes: false, recordingStrategy: 'INCLUSION_BY_RESOURCE_TYPES', resourceTypes: ['AWS::S3::Bucket', 'AWS::EC2::SecurityGroup'], excludedResourceTypes: [] },
    status: seen({ recording: o.recording, lastStatus: o.recording ? 'Success' : null, lastErrorCode: null }),
  });
}

function fileSystem(org: DemoOrg, a: Account, region: string, id: string, o: { encrypted: boolean; tags: Record<string, string> }) {
  const arn = `arn:aws:elasticfilesystem:${region}:${a.id}:file-system/${id}`;
  org.add(a, region, 'aws.efs.file-system', arn, o.tags.Name ?? id, {
    fileSystemId: id, arn, encrypted: o.encrypted, kmsKeyId: o.encrypted ? `arn:aws:kms:${region}:${a.id}:key/efs` : null, lifeCycleState: 'available',
    performanceMode: 'generalPurpose', throughputMode: 'elastic', numberOfMountTargets: 2, creationTime: org.ago(200),
  }, o.tags);
}

function logGroup(org: DemoOrg, a: Account, region: string, name: string, retentionInDays: number | null) {
  const arn = `arn:aws:logs:${region}:${a.id}:log-group:${name}`;
  org.add(a, region, 'aws.logs.log-group', arn, name, {
    logGroupName: name, arn, retentionInDays, storedBytes: 52_428_800, kmsKeyId: null, logGroupClass: 'STANDARD', creationTime: org.ago(400),
  });
}

/** A resource as the Tagging API lists it (the types without a collector of their own). */
function tagged(org: DemoOrg, a: Account, region: string, arn: string, tags: Record<string, string>) {
  const { service, arnType, name } = parseArn(arn);
  org.add(a, region, 'aws.tagging.resource', arn, name, { arn, service, arnType, resourceType: dutyscanType(arnType) }, tags);
}

/** The VPC's network ACL: `open` is the default ACL as AWS creates it (all traffic in), else admin ports denied from the internet first. */
function networkAcl(org: DemoOrg, a: Account, region: string, o: { open: boolean }) {
  const vpcId = `vpc-${a.id.slice(0, 4)}${region.replace(/[^0-9]/g, '')}`;
  const id = `acl-${a.id.slice(0, 4)}${region.replace(/[^0-9]/g, '')}`;
  const entry = (ruleNumber: number, ruleAction: string, source: string, protocol = '-1', ports?: [number, number], egress = false) => ({
    ruleNumber, protocol, ruleAction, egress, cidrBlock: source.includes(':') ? null : source, ipv6CidrBlock: source.includes(':') ? source : null,
    portRange: ports ? { from: ports[0], to: ports[1] } : null,
  });
  const entries = o.open
    ? [entry(100, 'allow', '0.0.0.0/0'), entry(101, 'allow', '::/0'), entry(32767, 'deny', '0.0.0.0/0'), entry(100, 'allow', '0.0.0.0/0', '-1', undefined, true)]
    : [
      entry(10, 'deny', '0.0.0.0/0', '6', [22, 22]), entry(11, 'deny', '0.0.0.0/0', '6', [3389, 3389]),
      entry(12, 'deny', '::/0', '6', [22, 22]), entry(13, 'deny', '::/0', '6', [3389, 3389]),
      entry(100, 'allow', '0.0.0.0/0'), entry(101, 'allow', '::/0'), entry(32767, 'deny', '0.0.0.0/0'), entry(100, 'allow', '0.0.0.0/0', '-1', undefined, true),
    ];
  org.add(a, region, 'aws.ec2.network-acl', `arn:aws:ec2:${region}:${a.id}:network-acl/${id}`, id, {
    networkAclId: id, vpcId, isDefault: true, entries, subnetIds: [`subnet-${a.id.slice(0, 4)}a`, `subnet-${a.id.slice(0, 4)}b`],
  }, { owner: 'network-team' });
}

// ---- the three accounts

function paymentsProd(org: DemoOrg, a: Account) {
  root(org, a, { mfa: true, virtual: false, keys: false, usedDaysAgo: 210 });
  passwordPolicy(org, a, 14, 24);
  awsPolicies(org, a);
  policy(org, a, `arn:aws:iam::${a.id}:policy/payments-app`, doc({ Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject'], Resource: 'arn:aws:s3:::payments-ledger-prod/*' }));
  group(org, a, 'admins', [ADMIN_ARN]);
  group(org, a, 'developers', [READONLY_ARN]);
  user(org, a, 'alice', {}, { groups: ['admins'] });
  user(org, a, 'bob', { mfaActive: false, accessKeys: [key(org, 1, 210, 2)] }, { groups: ['developers'] });
  user(org, a, 'ci-deploy', { passwordEnabled: false, passwordLastUsed: null, mfaActive: false, accessKeys: [key(org, 1, 30, 1), key(org, 2, 400, 120)] }, { attached: [ADMIN_ARN] });
  role(org, a, 'payments-app', trustService('ec2.amazonaws.com'), [`arn:aws:iam::${a.id}:policy/payments-app`]);
  role(org, a, 'support', trustAccount(a.id), [SUPPORT_ARN]);
  role(org, a, 'vendor-monitoring', trustAccount('444455556666', { StringEquals: { 'sts:ExternalId': 'acme-7f3k' } }), [READONLY_ARN]);
  role(org, a, 'OrganizationAccountAccessRole', trustAccount('999999999999'), [ADMIN_ARN]);
  accountSettings(org, a, BLOCK_ALL, 'soc@payments.example');

  const [eu, fra] = ['eu-west-1', 'eu-central-1'] as const;
  bucket(org, a, eu, 'payments-prod-cloudtrail', { logged: true, versioning: 'Enabled', objectLockDays: 400, tags: { owner: 'security', 'data-classification': 'internal' } });
  bucket(org, a, eu, 'payments-ledger-prod', { mfaDelete: true, objectLockDays: 2555, tags: { owner: 'payments', 'data-classification': 'restricted' } });
  // The one fact AWS refused in the demo: the scan role lacks s3:GetBucketPolicyStatus on this bucket.
  bucket(org, a, eu, 'payments-exports', {
    objectLockDays: false,
    sse: 'AES256', versioning: null,
    policyPublic: unseen(collectionError('ACCESS_DENIED', 's3:GetBucketPolicyStatus', 'User: arn:aws:sts::111111111111:assumed-role/dutyscan/scan is not authorized to perform: s3:GetBucketPolicyStatus', { provider: 'aws', account: a.id, region: eu })),
  });
  ebsDefault(org, a, eu, true);
  ebsDefault(org, a, fra, false);
  network(org, a, eu, { flowLogs: true, defaultOpen: false, groups: { 'payments-web': [rule('tcp', 443, 443, ['0.0.0.0/0', '::/0'])], 'payments-admin': [rule('tcp', 22, 22, ['0.0.0.0/0'])] } });
  network(org, a, fra, { flowLogs: false, defaultOpen: true });
  instance(org, a, eu, 'i-0payments0app01', { imdsv2: true, profile: true });
  instance(org, a, eu, 'i-0payments0bast1', { imdsv2: false, profile: false });
  volume(org, a, eu, 'vol-0paymentsdb001', { encrypted: true, backupDaysAgo: 1 });
  volume(org, a, fra, 'vol-0drreplica0001', { encrypted: true, snapshotDaysAgo: 20 });
  rdsInstance(org, a, eu, 'payments-db');
  trail(org, a, eu, 'org-audit', { multiRegion: true, validation: true, kms: true, s3Events: true });
  kmsKey(org, a, eu, 'alias/payments', { customer: true, rotation: true });
  kmsKey(org, a, eu, 'alias/legacy-tokens', { customer: true, rotation: false });
  backupPlan(org, a, eu, 'nightly-35d', true);
  for (const region of [eu, fra]) {
    guardDuty(org, a, region, 'ENABLED');
    accessAnalyzer(org, a, region, 'org-external-access', 'ORGANIZATION');
    configRecorder(org, a, region, { allSupported: true, recording: true });
    networkAcl(org, a, region, { open: false });
  }
  fileSystem(org, a, eu, 'fs-0payments0shared', { encrypted: true, tags: { Name: 'payments-shared', owner: 'payments' } });
  logGroup(org, a, eu, '/payments/api', 400);
  logGroup(org, a, eu, '/aws/cloudtrail/org-audit', null);
  tagged(org, a, eu, `arn:aws:dynamodb:${eu}:${a.id}:table/payments-ledger`, { owner: 'payments' });
  tagged(org, a, eu, `arn:aws:sqs:${eu}:${a.id}:payments-retries`, { team: 'payments' });
  tagged(org, a, eu, `arn:aws:ec2:${eu}:${a.id}:instance/i-0payments0api01`, { owner: 'payments' });
}

function dataPlatform(org: DemoOrg, a: Account) {
  root(org, a, { mfa: true, virtual: true, keys: false, usedDaysAgo: 3 });
  passwordPolicy(org, a, 8, null);
  awsPolicies(org, a);
  const analytics = `arn:aws:iam::${a.id}:policy/analytics-full`;
  policy(org, a, analytics, doc({ Effect: 'Allow', Action: '*', Resource: '*' }));
  group(org, a, 'analysts', [analytics]);
  user(org, a, 'dana', { passwordLastUsed: org.ago(90) }, { groups: ['analysts'] });
  user(org, a, 'etl-runner', { passwordEnabled: false, passwordLastUsed: null, mfaActive: false, accessKeys: [key(org, 1, 30, 1)] }, { attached: [READONLY_ARN] });
  user(org, a, 'old-contractor', { mfaActive: false, passwordLastUsed: org.ago(300) });
  const github = `arn:aws:iam::${a.id}:oidc-provider/token.actions.githubusercontent.com`;
  role(org, a, 'github-deploy', doc({ Effect: 'Allow', Principal: { Federated: github }, Action: 'sts:AssumeRoleWithWebIdentity', Condition: { StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' } } }));
  role(org, a, 'glue-jobs', trustService('glue.amazonaws.com'));
  accountSettings(org, a, null, null);

  const [eu, us] = ['eu-west-1', 'us-east-1'] as const;
  bucket(org, a, eu, 'dp-raw-events', { sse: 'AES256', block: null, publicAcl: true, tlsOnly: false, tags: { owner: 'data-platform' } });
  bucket(org, a, eu, 'data-platform-cloudtrail', { tags: { owner: 'security', 'data-classification': 'internal' } });
  bucket(org, a, eu, 'dp-curated', { versioning: 'Suspended', objectLockDays: false, tags: { owner: 'data-platform', 'data-classification': 'confidential' } });
  bucket(org, a, eu, 'dp-public-site', { block: { ...BLOCK_ALL, blockPublicPolicy: false, restrictPublicBuckets: false }, policyPublic: seen({ isPublic: true }), tags: { owner: 'web', 'data-classification': 'public' } });
  bucket(org, a, us, 'dp-us-replica', { tags: { owner: 'data-platform', 'data-classification': 'secret' } });
  ebsDefault(org, a, eu, true);
  ebsDefault(org, a, us, true);
  network(org, a, eu, { flowLogs: true, defaultOpen: false, groups: { 'dp-emr-master': [rule('-1', null, null, ['0.0.0.0/0'])], 'dp-jupyter': [rule('tcp', 8888, 8888, ['::/0'])] } });
  network(org, a, us, { flowLogs: false, defaultOpen: false });
  volume(org, a, eu, 'vol-0dpscratch0001', { encrypted: false, tags: {} });
  snapshot(org, a, eu, 'snap-0dpold000001', { volumeId: 'vol-0dpscratch0001', daysAgo: 400, encrypted: false, public: true });
  rdsCluster(org, a, eu, 'dp-warehouse', { encrypted: false, retention: 1, protection: false, members: ['dp-warehouse-1'] });
  rdsInstance(org, a, eu, 'dp-warehouse-1', { cluster: 'dp-warehouse', encrypted: false, public: true, retention: 1, protection: false });
  trail(org, a, eu, 'dp-trail', { multiRegion: false, validation: false, kms: false });
  kmsKey(org, a, eu, 'alias/aws/s3', { customer: false, rotation: true });
  kmsKey(org, a, eu, 'alias/dp-curated', { customer: true, rotation: true });
  backupPlan(org, a, eu, 'weekly', false);
  guardDuty(org, a, eu, 'ENABLED');
  accessAnalyzer(org, a, eu, 'dp-external-access', 'ACCOUNT');
  accessAnalyzer(org, a, us, 'dp-unused-access', 'ACCOUNT_UNUSED_ACCESS');
  configRecorder(org, a, eu, { allSupported: false, recording: true });
  networkAcl(org, a, eu, { open: false });
  networkAcl(org, a, us, { open: true });
  fileSystem(org, a, eu, 'fs-0dpnotebooks001', { encrypted: false, tags: { Name: 'dp-notebooks' } });
  logGroup(org, a, eu, '/aws/lambda/dp-etl', 14);
}

function sandbox(org: DemoOrg, a: Account) {
  root(org, a, { mfa: false, virtual: false, keys: true, usedDaysAgo: 1 });
  passwordPolicy(org, a, null, null);
  awsPolicies(org, a);
  const cloudshell = 'arn:aws:iam::aws:policy/AWSCloudShellFullAccess';
  policy(org, a, cloudshell, doc({ Effect: 'Allow', Action: ['cloudshell:*'], Resource: '*' }));
  user(org, a, 'sandbox-admin', { mfaActive: false }, { attached: [ADMIN_ARN, cloudshell] });
  role(org, a, 'anyone-can-assume', doc({ Effect: 'Allow', Principal: '*', Action: 'sts:AssumeRole' }));
  accountSettings(org, a, { ...BLOCK_ALL, ignorePublicAcls: false }, 'cloud-team@example.com');

  const [eu, us] = ['eu-west-1', 'us-east-1'] as const;
  ebsDefault(org, a, eu, false);
  ebsDefault(org, a, us, false);
  ebsDefault(org, a, 'eu-central-1', true);
  network(org, a, eu, { flowLogs: false, defaultOpen: true, groups: { 'rdp-test': [rule('tcp', 3389, 3389, ['::/0'])] }, unused: ['rdp-test'] });
  instance(org, a, eu, 'i-0sandboxtest0001', { imdsv2: false, profile: false, tags: {} });
  volume(org, a, eu, 'vol-0sandbox000001', { encrypted: false, tags: {} });
  rdsInstance(org, a, eu, 'sandbox-pg', { encrypted: false, retention: 0, protection: false, tags: { owner: 'sandbox' } });
  instance(org, a, us, 'i-0forgottengpu001', { imdsv2: true, profile: true, tags: { owner: 'ml-experiments' } });
  volume(org, a, us, 'vol-0forgotten00001', { encrypted: true, snapshotDaysAgo: 2, tags: { owner: 'ml-experiments', 'data-classification': 'internal' } });
  guardDuty(org, a, eu, 'DISABLED');
  configRecorder(org, a, eu, { allSupported: true, recording: false });
  networkAcl(org, a, eu, { open: true });
  logGroup(org, a, us, '/ml/training', 3);
}

export function awsDemo(now: Date): Listing[] {
  const accounts: Account[] = [
    { id: '111111111111', name: 'payments-prod', regions: ['eu-west-1', 'eu-central-1'] },
    { id: '222222222222', name: 'data-platform', regions: ['eu-west-1', 'us-east-1'] },
    { id: '333333333333', name: 'sandbox', regions: ['eu-west-1', 'us-east-1', 'eu-central-1'] },
  ];
  const org = new DemoOrg(now, accounts);
  const [payments, data, sandboxAccount] = accounts as [Account, Account, Account];
  paymentsProd(org, payments);
  dataPlatform(org, data);
  sandbox(org, sandboxAccount);
  dataServicesDemo(org, payments, data, sandboxAccount);
  edgeDemo(org, payments, data, sandboxAccount);
  return org.listings();
}

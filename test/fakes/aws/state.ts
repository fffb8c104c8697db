import type { AnalyzerSummary } from '@aws-sdk/client-accessanalyzer';
import type { AlternateContact } from '@aws-sdk/client-account';
import type { BackupRule, BackupSelection, ProtectedResource } from '@aws-sdk/client-backup';
import type { EventSelector, Trail } from '@aws-sdk/client-cloudtrail';
import type { LogGroup } from '@aws-sdk/client-cloudwatch-logs';
import type { ConfigurationRecorder, ConfigurationRecorderStatus } from '@aws-sdk/client-config-service';
import type { FileSystemDescription } from '@aws-sdk/client-efs';
import type { GetDetectorResponse } from '@aws-sdk/client-guardduty';
import type {
  FlowLog,
  Instance,
  NetworkAcl,
  NetworkInterface,
  SecurityGroup,
  Snapshot,
  Volume,
  Vpc,
} from '@aws-sdk/client-ec2';
import type { GroupDetail, ManagedPolicyDetail, PasswordPolicy, RoleDetail, UserDetail, VirtualMFADevice } from '@aws-sdk/client-iam';
import type { KeyMetadata } from '@aws-sdk/client-kms';
import type { Account as OrgAccount } from '@aws-sdk/client-organizations';
import type { DBCluster, DBInstance } from '@aws-sdk/client-rds';
import type { FakeDataServices } from './services/data.js';
import type {
  Grant,
  LoggingEnabled,
  ObjectLockConfiguration,
  OwnershipControls,
  PublicAccessBlockConfiguration,
  ServerSideEncryptionConfiguration,
  Tag,
} from '@aws-sdk/client-s3';

/**
 * The emulated estate, held in the SDK's own output shapes so handlers only filter and page.
 * Policy documents are held decoded; the IAM handlers URL-encode them as IAM does.
 */

export interface FakeCredentialReport {
  /** Rows as CSV columns; the `<root_account>` row is included only when `includeRoot`. */
  rows: Record<string, string>[];
  includeRoot: boolean;
  root: Record<string, string>;
  /** How many `GetCredentialReport` calls answer `ReportInProgress` after a generation starts. */
  pollsUntilReady: number;
  /** Answer `LimitExceeded` to this many `GenerateCredentialReport` calls first. */
  limitExceeded: number;
  /** Set by `GenerateCredentialReport`. */
  generated: boolean;
  generatedAt?: Date;
}

export interface FakeIam {
  users: UserDetail[];
  groups: GroupDetail[];
  roles: RoleDetail[];
  policies: ManagedPolicyDetail[];
  passwordPolicy: PasswordPolicy | null;
  summary: Record<string, number>;
  virtualMfaDevices: VirtualMFADevice[];
  credentialReport: FakeCredentialReport;
}

export interface FakeEc2Region {
  securityGroups: SecurityGroup[];
  networkInterfaces: NetworkInterface[];
  instances: Instance[];
  volumes: Volume[];
  snapshots: Snapshot[];
  /** Snapshot ids whose createVolumePermission includes the group `all`. */
  publicSnapshotIds: Set<string>;
  ebsEncryptionByDefault: boolean;
  ebsDefaultKmsKeyId: string;
  vpcs: Vpc[];
  flowLogs: FlowLog[];
  /** Absent: none. */
  networkAcls?: NetworkAcl[];
}

export interface FakeBucket {
  readonly name: string;
  readonly region: string;
  readonly creationDate: Date;
  encryption: ServerSideEncryptionConfiguration | null;
  publicAccessBlock: PublicAccessBlockConfiguration | null;
  /** The bucket policy as JSON text; null: none. `isPublic` answers GetBucketPolicyStatus. */
  policy: { text: string; isPublic: boolean } | null;
  grants: Grant[];
  ownership: OwnershipControls | null;
  versioning: { Status?: 'Enabled' | 'Suspended'; MFADelete?: 'Enabled' | 'Disabled' };
  logging: LoggingEnabled | null;
  tags: Tag[] | null;
  /** Absent or null: no Object Lock configuration (ObjectLockConfigurationNotFoundError). */
  objectLock?: ObjectLockConfiguration | null;
}

export interface FakeTrail extends Trail {
  isLogging: boolean;
  eventSelectors: EventSelector[];
}

export interface FakeKey {
  metadata: KeyMetadata;
  rotationEnabled: boolean;
  aliases: string[];
}

export interface FakeBackupPlan {
  id: string;
  name: string;
  rules: BackupRule[];
  selections: (BackupSelection & { SelectionId: string })[];
}

export interface FakeAccount {
  readonly id: string;
  /** DescribeRegions(AllRegions=true) answer. */
  regions: { RegionName: string; OptInStatus: 'opt-in-not-required' | 'opted-in' | 'not-opted-in' }[];
  /** The partition of the identity ARNs STS answers with (`aws` unless set). */
  partition?: string;
  /** The role an organisation scan assumes here; null: none (AssumeRole is denied). */
  memberRole: { name: string; externalId?: string } | null;
  iam: FakeIam;
  ec2: Record<string, FakeEc2Region>;
  buckets: FakeBucket[];
  accountPublicAccessBlock: PublicAccessBlockConfiguration | null;
  rds: Record<string, { instances: DBInstance[]; clusters: DBCluster[] }>;
  trails: FakeTrail[];
  kms: Record<string, FakeKey[]>;
  backup: Record<string, { plans: FakeBackupPlan[]; protectedResources: ProtectedResource[] }>;
  securityContact: AlternateContact | null;
  /** Per region; absent: none. GuardDuty detectors by id. */
  guardduty?: Record<string, Record<string, Omit<GetDetectorResponse, 'DetectorId'>>>;
  accessAnalyzers?: Record<string, AnalyzerSummary[]>;
  configRecorders?: Record<string, { recorders: ConfigurationRecorder[]; statuses: ConfigurationRecorderStatus[] }>;
  efs?: Record<string, FileSystemDescription[]>;
  logGroups?: Record<string, LogGroup[]>;
  /** Data services (issue 13, aws-data), per region: see services/data.ts. */
  data?: FakeDataServices;
  /** Resource Groups Tagging API: the tagged resources of each region (see services/tagging.ts). */
  tagged?: Record<string, { ResourceARN: string; Tags: { Key: string; Value: string }[] }[]>;
  /** The effective tag policy's content; absent: none (EffectivePolicyNotFoundException). */
  tagPolicy?: string;
}

export interface FakeState {
  /** The account the static dummy credentials belong to (management account in org mode). */
  callerAccount: string;
  accounts: Map<string, FakeAccount>;
  /** ListAccounts answer; absent: the caller is not in an organisation. */
  organization?: { accounts: OrgAccount[] };
}

export const DEFAULT_REGIONS: FakeAccount['regions'] = [
  { RegionName: 'us-east-1', OptInStatus: 'opt-in-not-required' },
  { RegionName: 'eu-west-1', OptInStatus: 'opt-in-not-required' },
  { RegionName: 'eu-central-1', OptInStatus: 'opt-in-not-required' },
  { RegionName: 'ap-southeast-1', OptInStatus: 'opt-in-not-required' },
  { RegionName: 'af-south-1', OptInStatus: 'not-opted-in' },
];

export function emptyEc2Region(): FakeEc2Region {
  return {
    securityGroups: [],
    networkInterfaces: [],
    instances: [],
    volumes: [],
    snapshots: [],
    publicSnapshotIds: new Set(),
    ebsEncryptionByDefault: false,
    ebsDefaultKmsKeyId: 'alias/aws/ebs',
    vpcs: [],
    flowLogs: [],
  };
}

export const CREDENTIAL_REPORT_COLUMNS = [
  'user', 'arn', 'user_creation_time', 'password_enabled', 'password_last_used', 'password_last_changed',
  'password_next_rotation', 'mfa_active', 'access_key_1_active', 'access_key_1_last_rotated',
  'access_key_1_last_used_date', 'access_key_1_last_used_region', 'access_key_1_last_used_service',
  'access_key_2_active', 'access_key_2_last_rotated', 'access_key_2_last_used_date',
  'access_key_2_last_used_region', 'access_key_2_last_used_service', 'cert_1_active', 'cert_1_last_rotated',
  'cert_2_active', 'cert_2_last_rotated',
] as const;

/** A credential report row with IAM's defaults for a user without password or keys. */
export function credentialRow(user: string, arn: string, overrides: Record<string, string> = {}): Record<string, string> {
  return {
    user, arn, user_creation_time: '2024-01-01T00:00:00+00:00', password_enabled: 'false', password_last_used: 'N/A',
    password_last_changed: 'N/A', password_next_rotation: 'N/A', mfa_active: 'false', access_key_1_active: 'false',
    access_key_1_last_rotated: 'N/A', access_key_1_last_used_date: 'N/A', access_key_1_last_used_region: 'N/A',
    access_key_1_last_used_service: 'N/A', access_key_2_active: 'false', access_key_2_last_rotated: 'N/A',
    access_key_2_last_used_date: 'N/A', access_key_2_last_used_region: 'N/A', access_key_2_last_used_service: 'N/A',
    cert_1_active: 'false', cert_1_last_rotated: 'N/A', cert_2_active: 'false', cert_2_last_rotated: 'N/A',
    ...overrides,
  };
}

export function credentialReportCsv(report: FakeCredentialReport): string {
  const rows = report.includeRoot ? [report.root, ...report.rows] : report.rows;
  const cell = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return [CREDENTIAL_REPORT_COLUMNS.join(','), ...rows.map((r) => CREDENTIAL_REPORT_COLUMNS.map((c) => cell(r[c] ?? 'N/A')).join(','))].join('\n');
}

export function emptyAccount(id: string, regions = DEFAULT_REGIONS): FakeAccount {
  return {
    id,
    regions: regions.map((r) => ({ ...r })),
    memberRole: null,
    iam: {
      users: [],
      groups: [],
      roles: [],
      policies: [],
      passwordPolicy: null,
      summary: { AccountMFAEnabled: 0, AccountAccessKeysPresent: 0, Users: 0, Roles: 0 },
      virtualMfaDevices: [],
      credentialReport: {
        rows: [],
        includeRoot: true,
        root: credentialRow('<root_account>', `arn:aws:iam::${id}:root`, { password_enabled: 'not_supported' }),
        pollsUntilReady: 0,
        limitExceeded: 0,
        generated: false,
      },
    },
    ec2: Object.fromEntries(regions.map((r) => [r.RegionName, emptyEc2Region()])),
    buckets: [],
    accountPublicAccessBlock: null,
    rds: {},
    trails: [],
    kms: {},
    backup: {},
    securityContact: null,
  };
}

export function ec2Region(account: FakeAccount, region: string): FakeEc2Region {
  return (account.ec2[region] ??= emptyEc2Region());
}

/**
 * AWS managed policies attached to nothing, as every account sees them (about 1,400 in 2026, each
 * document a few hundred bytes to tens of kilobytes): what a scan must not download or report.
 */
export function unattachedAwsManagedPolicies(count: number): ManagedPolicyDetail[] {
  const created = new Date('2020-01-01T00:00:00Z');
  const statement = (i: number) => ({ Effect: 'Allow', Action: Array.from({ length: 20 }, (_, a) => `service${i}:Action${a}`), Resource: '*' });
  return Array.from({ length: count }, (_, i) => ({
    PolicyName: `AwsManaged${i}`, PolicyId: `ANPAAWS${i}`, Arn: `arn:aws:iam::aws:policy/service-role/AwsManaged${i}`, Path: '/service-role/',
    DefaultVersionId: 'v3', AttachmentCount: 0, IsAttachable: true, CreateDate: created, UpdateDate: created,
    PolicyVersionList: [{ VersionId: 'v3', IsDefaultVersion: true, CreateDate: created, Document: JSON.stringify({ Version: '2012-10-17', Statement: [statement(i)] }) }],
  }));
}

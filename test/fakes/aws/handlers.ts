import type { IncomingHttpHeaders } from 'node:http';
import type { FakeAws } from './server.js';
import { credentialReportCsv, ec2Region, type FakeAccount, type FakeBucket } from './state.js';
import { DATA_HANDLERS, RDS_SNAPSHOT_HANDLERS } from './services/data.js';
import { ORGANIZATIONS_POLICIES, TAGGING } from './services/tagging.js';

export class FakeAwsError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    message = code,
  ) {
    super(message);
  }
}

export interface HandlerContext {
  readonly fake: FakeAws;
  readonly account: FakeAccount;
  readonly region: string;
  /** Query form fields (Query protocols) or URL query parameters (REST). */
  readonly params: Readonly<Record<string, string>>;
  /** The JSON body (JSON and REST-JSON protocols). */
  readonly json: Readonly<Record<string, unknown>>;
  readonly path: Readonly<Record<string, string>>;
  readonly headers: IncomingHttpHeaders;
}

type Handler = (ctx: HandlerContext) => Record<string, unknown>;

/** Set by the server before each (synchronous) handler: AWS may return fewer items than asked. */
export const pageLimits = { cap: Number.POSITIVE_INFINITY };

/** One page of `items`: opaque `tok-<offset>` tokens, as every AWS paginator treats them. */
export function page<T>(items: readonly T[], token: unknown, max: unknown, defaultMax: number): { items: T[]; next?: string } {
  const start = typeof token === 'string' && token !== '' ? Number(token.replace(/^tok-/, '')) : 0;
  if (!Number.isInteger(start) || start < 0) throw new FakeAwsError('InvalidNextToken', 400, `bad token ${String(token)}`);
  const size = Math.min(pageLimits.cap, max !== undefined && max !== '' ? Number(max) : defaultMax);
  const end = Math.min(items.length, start + size);
  return { items: items.slice(start, end), ...(end < items.length ? { next: `tok-${end}` } : {}) };
}

/** `Filter.member.N` (IAM), `Owner.N` (EC2): the values of a numbered list parameter. */
function listParam(params: Readonly<Record<string, string>>, prefix: string): string[] {
  return Object.entries(params)
    .filter(([k]) => k.startsWith(`${prefix}.`))
    .sort(([a], [b]) => Number(a.split('.').pop()) - Number(b.split('.').pop()))
    .map(([, v]) => v);
}

const encodePolicy = (doc: unknown): string | undefined =>
  doc === undefined ? undefined : encodeURIComponent(typeof doc === 'string' ? doc : JSON.stringify(doc));

function bucketOf(ctx: HandlerContext): FakeBucket {
  const bucket = ctx.account.buckets.find((b) => b.name === ctx.path.bucket);
  if (!bucket) throw new FakeAwsError('NoSuchBucket', 404, `no bucket ${ctx.path.bucket}`);
  if (bucket.region !== ctx.region) {
    throw new FakeAwsError('PermanentRedirect', 301, `bucket ${bucket.name} is in ${bucket.region}, request signed for ${ctx.region}`);
  }
  return bucket;
}

const IAM: Record<string, Handler> = {
  GetAccountSummary: ({ account }) => ({ SummaryMap: account.iam.summary }),
  GetAccountPasswordPolicy: ({ account }) => {
    if (!account.iam.passwordPolicy) throw new FakeAwsError('NoSuchEntity', 404, 'The Password Policy with domain name x cannot be found.');
    return { PasswordPolicy: account.iam.passwordPolicy };
  },
  GenerateCredentialReport: ({ account }) => {
    const report = account.iam.credentialReport;
    if (report.limitExceeded > 0) {
      report.limitExceeded--;
      throw new FakeAwsError('LimitExceeded', 409, 'Credential report generation rate exceeded');
    }
    const starting = !report.generated;
    report.generated = true;
    report.generatedAt ??= new Date();
    return { State: starting && report.pollsUntilReady > 0 ? 'STARTED' : 'COMPLETE', Description: 'fake' };
  },
  GetCredentialReport: ({ account }) => {
    const report = account.iam.credentialReport;
    if (!report.generated) throw new FakeAwsError('ReportNotPresent', 410, 'Credential report not present');
    if (report.pollsUntilReady > 0) {
      report.pollsUntilReady--;
      throw new FakeAwsError('ReportInProgress', 404, 'Credential report is being generated');
    }
    return { Content: Buffer.from(credentialReportCsv(report)), ReportFormat: 'text/csv', GeneratedTime: report.generatedAt };
  },
  ListVirtualMFADevices: ({ account, params }) => {
    const status = params.AssignmentStatus ?? 'Any';
    const all = account.iam.virtualMfaDevices.filter((d) =>
      status === 'Any' ? true : status === 'Assigned' ? d.User !== undefined : d.User === undefined);
    const p = page(all, params.Marker, params.MaxItems, 100);
    return { VirtualMFADevices: p.items, IsTruncated: p.next !== undefined, ...(p.next ? { Marker: p.next } : {}) };
  },
  // Managed policies without documents; `OnlyAttached` and `Scope` as IAM filters them.
  ListPolicies: ({ account, params }) => {
    const scope = params.Scope ?? 'All';
    const chosen = account.iam.policies.filter((p) => {
      const awsManaged = p.Arn?.startsWith('arn:aws:iam::aws:') ?? false;
      return (scope === 'All' || (scope === 'AWS') === awsManaged) && (params.OnlyAttached !== 'true' || (p.AttachmentCount ?? 0) > 0);
    });
    const p = page(chosen, params.Marker, params.MaxItems, 100);
    return {
      Policies: p.items.map(({ PolicyVersionList: _versions, ...policy }) => policy),
      IsTruncated: p.next !== undefined, ...(p.next ? { Marker: p.next } : {}),
    };
  },
  GetPolicyVersion: ({ account, params }) => {
    const version = account.iam.policies.find((p) => p.Arn === params.PolicyArn)?.PolicyVersionList?.find((v) => v.VersionId === params.VersionId);
    if (!version) throw new FakeAwsError('NoSuchEntity', 404, `Policy ${params.PolicyArn} version ${params.VersionId} does not exist or is not attachable.`);
    return { PolicyVersion: { ...version, Document: encodePolicy(version.Document) } };
  },
  GetAccountAuthorizationDetails: ({ account, params }) => {
    const filter = listParam(params, 'Filter.member');
    const wants = (kind: string) => filter.length === 0 || filter.includes(kind);
    const entries: [string, unknown][] = [
      ...(wants('User') ? account.iam.users.map((u) => ['user', u] as [string, unknown]) : []),
      ...(wants('Group') ? account.iam.groups.map((g) => ['group', g] as [string, unknown]) : []),
      ...(wants('Role') ? account.iam.roles.map((r) => ['role', r] as [string, unknown]) : []),
      ...account.iam.policies
        .filter((p) => (p.Arn?.startsWith('arn:aws:iam::aws:') ? wants('AWSManagedPolicy') : wants('LocalManagedPolicy')))
        .map((p) => ['policy', p] as [string, unknown]),
    ];
    const p = page(entries, params.Marker, params.MaxItems, 100);
    const of = <T>(kind: string) => p.items.filter(([k]) => k === kind).map(([, v]) => v as T);
    type Inline = { PolicyName?: string; PolicyDocument?: string };
    const inline = (list: Inline[] | undefined) => list?.map((i) => ({ ...i, PolicyDocument: encodePolicy(i.PolicyDocument) }));
    return {
      UserDetailList: of<Record<string, unknown> & { UserPolicyList?: Inline[] }>('user').map((u) => ({ ...u, UserPolicyList: inline(u.UserPolicyList) })),
      GroupDetailList: of<Record<string, unknown> & { GroupPolicyList?: Inline[] }>('group').map((g) => ({ ...g, GroupPolicyList: inline(g.GroupPolicyList) })),
      RoleDetailList: of<Record<string, unknown> & { RolePolicyList?: Inline[]; AssumeRolePolicyDocument?: string }>('role').map((r) => ({
        ...r, RolePolicyList: inline(r.RolePolicyList), AssumeRolePolicyDocument: encodePolicy(r.AssumeRolePolicyDocument),
      })),
      Policies: of<Record<string, unknown> & { PolicyVersionList?: { Document?: string }[] }>('policy').map((pol) => ({
        ...pol, PolicyVersionList: pol.PolicyVersionList?.map((v) => ({ ...v, Document: encodePolicy(v.Document) })),
      })),
      IsTruncated: p.next !== undefined,
      ...(p.next ? { Marker: p.next } : {}),
    };
  },
};

const STS: Record<string, Handler> = {
  GetCallerIdentity: ({ account }) => ({
    Account: account.id, Arn: `arn:${account.partition ?? 'aws'}:iam::${account.id}:user/dutyscan`, UserId: 'AIDAFAKE',
  }),
  AssumeRole: ({ fake, params }) => {
    const match = /^arn:aws:iam::(\d{12}):role\/(.+)$/.exec(params.RoleArn ?? '');
    const target = match ? fake.state.accounts.get(match[1]!) : undefined;
    const role = target?.memberRole;
    if (!target || !role || role.name !== match![2] || (role.externalId !== undefined && role.externalId !== params.ExternalId)) {
      throw new FakeAwsError('AccessDenied', 403, `not authorized to perform: sts:AssumeRole on resource: ${params.RoleArn}`);
    }
    const session = fake.issueSession(target.id, Number(params.DurationSeconds ?? 3600));
    return {
      Credentials: { AccessKeyId: session.key, SecretAccessKey: 'fake-session-secret', SessionToken: 'fake-session-token', Expiration: session.expires },
      AssumedRoleUser: { AssumedRoleId: `AROAFAKE:${params.RoleSessionName}`, Arn: `arn:aws:sts::${target.id}:assumed-role/${role.name}/${params.RoleSessionName}` },
    };
  },
};

function ec2Page<T>(items: readonly T[], params: Readonly<Record<string, string>>, key: string, defaultMax = 1000): Record<string, unknown> {
  const p = page(items, params.NextToken, params.MaxResults, defaultMax);
  return { [key]: p.items, ...(p.next ? { NextToken: p.next } : {}) };
}

const EC2: Record<string, Handler> = {
  DescribeRegions: ({ account, params }) => ({
    Regions: account.regions
      .filter((r) => params.AllRegions === 'true' || r.OptInStatus !== 'not-opted-in')
      .map((r) => ({ ...r, Endpoint: `ec2.${r.RegionName}.amazonaws.com` })),
  }),
  DescribeSecurityGroups: ({ account, region, params }) => ec2Page(ec2Region(account, region).securityGroups, params, 'SecurityGroups'),
  DescribeNetworkInterfaces: ({ account, region, params }) => ec2Page(ec2Region(account, region).networkInterfaces, params, 'NetworkInterfaces'),
  DescribeInstances: ({ account, region, params }) => {
    const p = page(ec2Region(account, region).instances, params.NextToken, params.MaxResults, 1000);
    return {
      Reservations: p.items.map((i) => ({ ReservationId: `r-${i.InstanceId}`, OwnerId: account.id, Instances: [i] })),
      ...(p.next ? { NextToken: p.next } : {}),
    };
  },
  DescribeVolumes: ({ account, region, params }) => ec2Page(ec2Region(account, region).volumes, params, 'Volumes'),
  DescribeSnapshots: ({ account, region, params }) => {
    const state = ec2Region(account, region);
    const owners = listParam(params, 'Owner');
    const restorableBy = listParam(params, 'RestorableBy');
    if (!owners.includes('self')) throw new FakeAwsError('FakeUnsupported', 400, 'the fake answers OwnerIds=self only');
    const snapshots = restorableBy.includes('all') ? state.snapshots.filter((s) => state.publicSnapshotIds.has(s.SnapshotId!)) : state.snapshots;
    return ec2Page(snapshots, params, 'Snapshots');
  },
  GetEbsEncryptionByDefault: ({ account, region }) => ({ EbsEncryptionByDefault: ec2Region(account, region).ebsEncryptionByDefault }),
  GetEbsDefaultKmsKeyId: ({ account, region }) => ({ KmsKeyId: ec2Region(account, region).ebsDefaultKmsKeyId }),
  DescribeVpcs: ({ account, region, params }) => ec2Page(ec2Region(account, region).vpcs, params, 'Vpcs'),
  DescribeFlowLogs: ({ account, region, params }) => ec2Page(ec2Region(account, region).flowLogs, params, 'FlowLogs'),
  DescribeNetworkAcls: ({ account, region, params }) => ec2Page(ec2Region(account, region).networkAcls ?? [], params, 'NetworkAcls'),
};

const RDS: Record<string, Handler> = {
  DescribeDBInstances: ({ account, region, params }) => {
    const p = page(account.rds[region]?.instances ?? [], params.Marker, params.MaxRecords, 100);
    return { DBInstances: p.items, ...(p.next ? { Marker: p.next } : {}) };
  },
  DescribeDBClusters: ({ account, region, params }) => {
    const p = page(account.rds[region]?.clusters ?? [], params.Marker, params.MaxRecords, 100);
    return { DBClusters: p.items, ...(p.next ? { Marker: p.next } : {}) };
  },
};

const S3: Record<string, Handler> = {
  ListBuckets: ({ account, params }) => {
    const inRegion = account.buckets.filter((b) => !params['bucket-region'] || b.region === params['bucket-region']);
    const p = page(inRegion, params['continuation-token'], params['max-buckets'], 10_000);
    return {
      Buckets: p.items.map((b) => ({ Name: b.name, CreationDate: b.creationDate, BucketRegion: b.region })),
      Owner: { ID: `owner-${account.id}` },
      ...(p.next ? { ContinuationToken: p.next } : {}),
    };
  },
  GetBucketEncryption: (ctx) => {
    const b = bucketOf(ctx);
    if (!b.encryption) throw new FakeAwsError('ServerSideEncryptionConfigurationNotFoundError', 404, 'The server side encryption configuration was not found');
    return { ServerSideEncryptionConfiguration: b.encryption };
  },
  GetPublicAccessBlock: (ctx) => {
    const b = bucketOf(ctx);
    if (!b.publicAccessBlock) throw new FakeAwsError('NoSuchPublicAccessBlockConfiguration', 404, 'The public access block configuration was not found');
    return { PublicAccessBlockConfiguration: b.publicAccessBlock };
  },
  GetBucketPolicy: (ctx) => {
    const b = bucketOf(ctx);
    if (!b.policy) throw new FakeAwsError('NoSuchBucketPolicy', 404, 'The bucket policy does not exist');
    return { Policy: b.policy.text };
  },
  GetBucketPolicyStatus: (ctx) => {
    const b = bucketOf(ctx);
    if (!b.policy) throw new FakeAwsError('NoSuchBucketPolicy', 404, 'The bucket policy does not exist');
    return { PolicyStatus: { IsPublic: b.policy.isPublic } };
  },
  GetBucketAcl: (ctx) => {
    const b = bucketOf(ctx);
    return { Owner: { ID: `owner-${ctx.account.id}` }, Grants: b.grants };
  },
  GetBucketOwnershipControls: (ctx) => {
    const b = bucketOf(ctx);
    if (!b.ownership) throw new FakeAwsError('OwnershipControlsNotFoundError', 404, 'The bucket ownership controls were not found');
    return { OwnershipControls: b.ownership };
  },
  GetBucketVersioning: (ctx) => bucketOf(ctx).versioning,
  GetBucketLogging: (ctx) => {
    const b = bucketOf(ctx);
    return b.logging ? { LoggingEnabled: b.logging } : {};
  },
  GetBucketTagging: (ctx) => {
    const b = bucketOf(ctx);
    if (!b.tags) throw new FakeAwsError('NoSuchTagSet', 404, 'The TagSet does not exist');
    return { TagSet: b.tags };
  },
  GetObjectLockConfiguration: (ctx) => {
    const b = bucketOf(ctx);
    if (!b.objectLock) throw new FakeAwsError('ObjectLockConfigurationNotFoundError', 404, 'Object Lock configuration does not exist for this bucket');
    return { ObjectLockConfiguration: b.objectLock };
  },
};

const S3CONTROL: Record<string, Handler> = {
  GetPublicAccessBlock: ({ account, headers }) => {
    if (headers['x-amz-account-id'] !== account.id) throw new FakeAwsError('AccessDenied', 403, 'account id header does not match the caller');
    if (!account.accountPublicAccessBlock) throw new FakeAwsError('NoSuchPublicAccessBlockConfiguration', 404, 'The public access block configuration was not found');
    return { PublicAccessBlockConfiguration: account.accountPublicAccessBlock };
  },
};

const ORGANIZATIONS: Record<string, Handler> = {
  ListAccounts: ({ fake, json }) => {
    if (!fake.state.organization) throw new FakeAwsError('AWSOrganizationsNotInUseException', 400, 'not in an organization');
    const p = page(fake.state.organization.accounts, json.NextToken, json.MaxResults, 20);
    return { Accounts: p.items, ...(p.next ? { NextToken: p.next } : {}) };
  },
};

const KMS: Record<string, Handler> = {
  ListKeys: ({ account, region, json }) => {
    const p = page(account.kms[region] ?? [], json.Marker, json.Limit, 100);
    return {
      Keys: p.items.map((k) => ({ KeyId: k.metadata.KeyId, KeyArn: k.metadata.Arn })),
      Truncated: p.next !== undefined,
      ...(p.next ? { NextMarker: p.next } : {}),
    };
  },
  ListAliases: ({ account, region, json }) => {
    const aliases = (account.kms[region] ?? []).flatMap((k) => k.aliases.map((a) => ({
      AliasName: a, AliasArn: `arn:aws:kms:${region}:${account.id}:${a}`, TargetKeyId: k.metadata.KeyId,
    })));
    const p = page(aliases, json.Marker, json.Limit, 100);
    return { Aliases: p.items, Truncated: p.next !== undefined, ...(p.next ? { NextMarker: p.next } : {}) };
  },
  DescribeKey: ({ account, region, json }) => {
    const key = (account.kms[region] ?? []).find((k) => k.metadata.KeyId === json.KeyId || k.metadata.Arn === json.KeyId);
    if (!key) throw new FakeAwsError('NotFoundException', 400, `key ${String(json.KeyId)} not found`);
    return { KeyMetadata: key.metadata };
  },
  GetKeyRotationStatus: ({ account, region, json }) => {
    const key = (account.kms[region] ?? []).find((k) => k.metadata.KeyId === json.KeyId || k.metadata.Arn === json.KeyId);
    if (!key) throw new FakeAwsError('NotFoundException', 400, `key ${String(json.KeyId)} not found`);
    if (key.metadata.KeyManager !== 'CUSTOMER' || key.metadata.KeySpec !== 'SYMMETRIC_DEFAULT') {
      throw new FakeAwsError('UnsupportedOperationException', 400, 'rotation status is for customer managed symmetric keys');
    }
    return { KeyRotationEnabled: key.rotationEnabled, ...(key.rotationEnabled ? { RotationPeriodInDays: 365 } : {}) };
  },
};

const CLOUDTRAIL: Record<string, Handler> = {
  DescribeTrails: ({ account, region, json }) => ({
    trailList: account.trails
      .filter((t) => t.HomeRegion === region || (json.includeShadowTrails !== false && t.IsMultiRegionTrail))
      .map(({ isLogging: _l, eventSelectors: _e, ...trail }) => trail),
  }),
  GetTrailStatus: ({ account, json }) => {
    const trail = account.trails.find((t) => t.TrailARN === json.Name || t.Name === json.Name);
    if (!trail) throw new FakeAwsError('TrailNotFoundException', 400, `trail ${String(json.Name)} not found`);
    return { IsLogging: trail.isLogging, ...(trail.isLogging ? { LatestDeliveryTime: new Date('2026-11-20T00:00:00Z') } : {}) };
  },
  GetEventSelectors: ({ account, json }) => {
    const trail = account.trails.find((t) => t.TrailARN === json.TrailName || t.Name === json.TrailName);
    if (!trail) throw new FakeAwsError('TrailNotFoundException', 400, `trail ${String(json.TrailName)} not found`);
    return { TrailARN: trail.TrailARN, EventSelectors: trail.eventSelectors };
  },
};

function backupPlan(ctx: HandlerContext) {
  const plan = ctx.account.backup[ctx.region]?.plans.find((p) => p.id === ctx.path.plan);
  if (!plan) throw new FakeAwsError('ResourceNotFoundException', 404, `plan ${ctx.path.plan} not found`);
  return plan;
}

const planArn = (ctx: HandlerContext, id: string) => `arn:aws:backup:${ctx.region}:${ctx.account.id}:backup-plan:${id}`;

const BACKUP: Record<string, Handler> = {
  ListBackupPlans: (ctx) => {
    const p = page(ctx.account.backup[ctx.region]?.plans ?? [], ctx.params.nextToken, ctx.params.maxResults, 100);
    return {
      BackupPlansList: p.items.map((plan) => ({
        BackupPlanArn: planArn(ctx, plan.id), BackupPlanId: plan.id, BackupPlanName: plan.name, VersionId: 'v1',
        CreationDate: new Date('2025-01-01T00:00:00Z'),
      })),
      ...(p.next ? { NextToken: p.next } : {}),
    };
  },
  GetBackupPlan: (ctx) => {
    const plan = backupPlan(ctx);
    return { BackupPlan: { BackupPlanName: plan.name, Rules: plan.rules }, BackupPlanId: plan.id, BackupPlanArn: planArn(ctx, plan.id), VersionId: 'v1' };
  },
  ListBackupSelections: (ctx) => {
    const plan = backupPlan(ctx);
    const p = page(plan.selections, ctx.params.nextToken, ctx.params.maxResults, 100);
    return {
      BackupSelectionsList: p.items.map((s) => ({ SelectionId: s.SelectionId, SelectionName: s.SelectionName, BackupPlanId: plan.id, IamRoleArn: s.IamRoleArn })),
      ...(p.next ? { NextToken: p.next } : {}),
    };
  },
  GetBackupSelection: (ctx) => {
    const plan = backupPlan(ctx);
    const selection = plan.selections.find((s) => s.SelectionId === ctx.path.selection);
    if (!selection) throw new FakeAwsError('ResourceNotFoundException', 404, `selection ${ctx.path.selection} not found`);
    const { SelectionId, ...rest } = selection;
    return { BackupSelection: rest, SelectionId, BackupPlanId: plan.id };
  },
  ListProtectedResources: (ctx) => {
    const p = page(ctx.account.backup[ctx.region]?.protectedResources ?? [], ctx.params.nextToken, ctx.params.maxResults, 100);
    return { Results: p.items, ...(p.next ? { NextToken: p.next } : {}) };
  },
};

const ACCOUNT: Record<string, Handler> = {
  GetAlternateContact: ({ account, json }) => {
    if (json.AlternateContactType !== 'SECURITY') throw new FakeAwsError('FakeUnsupported', 400, 'the fake knows SECURITY contacts only');
    if (!account.securityContact) throw new FakeAwsError('ResourceNotFoundException', 404, 'No contact of the inputted alternate contact type found.');
    return { AlternateContact: account.securityContact };
  },
};

const GUARDDUTY: Record<string, Handler> = {
  ListDetectors: ({ account, region, params }) => {
    const p = page(Object.keys(account.guardduty?.[region] ?? {}), params.nextToken, params.maxResults, 50);
    // GuardDuty's wire names are camelCase (jsonName traits), unlike the SDK's member names.
    return { detectorIds: p.items, ...(p.next ? { nextToken: p.next } : {}) };
  },
  GetDetector: ({ account, region, path }) => {
    const detector = account.guardduty?.[region]?.[path.detector!];
    if (!detector) throw new FakeAwsError('BadRequestException', 400, `The request is rejected because the input detectorId is not owned by the current account.`);
    return Object.fromEntries(Object.entries(detector).map(([k, v]) => [k.charAt(0).toLowerCase() + k.slice(1), v]));
  },
};

const ACCESS_ANALYZER: Record<string, Handler> = {
  ListAnalyzers: ({ account, region, params }) => {
    const all = account.accessAnalyzers?.[region] ?? [];
    const p = page(params.type ? all.filter((a) => a.type === params.type) : all, params.nextToken, params.maxResults, 100);
    // Access Analyzer's timestamps are date-time strings on the wire, not epoch seconds.
    const analyzers = p.items.map((a) => ({ ...a, createdAt: a.createdAt?.toISOString() }));
    return { analyzers, ...(p.next ? { nextToken: p.next } : {}) };
  },
};

const CONFIG: Record<string, Handler> = {
  DescribeConfigurationRecorders: ({ account, region }) => ({ ConfigurationRecorders: account.configRecorders?.[region]?.recorders ?? [] }),
  DescribeConfigurationRecorderStatus: ({ account, region }) => ({ ConfigurationRecordersStatus: account.configRecorders?.[region]?.statuses ?? [] }),
};

const EFS: Record<string, Handler> = {
  DescribeFileSystems: ({ account, region, params }) => {
    const p = page(account.efs?.[region] ?? [], params.Marker, params.MaxItems, 100);
    return { FileSystems: p.items, ...(params.Marker ? { Marker: params.Marker } : {}), ...(p.next ? { NextMarker: p.next } : {}) };
  },
};

const LOGS: Record<string, Handler> = {
  DescribeLogGroups: ({ account, region, json }) => {
    const p = page(account.logGroups?.[region] ?? [], json.nextToken, json.limit, 50);
    return { logGroups: p.items, ...(p.next ? { nextToken: p.next } : {}) };
  },
};

export const HANDLERS: Record<string, Record<string, Handler>> = {
  iam: IAM,
  sts: STS,
  ec2: EC2,
  rds: { ...RDS, ...RDS_SNAPSHOT_HANDLERS },
  s3: S3,
  s3control: S3CONTROL,
  organizations: ORGANIZATIONS,
  kms: KMS,
  cloudtrail: CLOUDTRAIL,
  backup: BACKUP,
  account: ACCOUNT,
  guardduty: GUARDDUTY,
  'access-analyzer': ACCESS_ANALYZER,
  config: CONFIG,
  elasticfilesystem: EFS,
  logs: LOGS,
  ...DATA_HANDLERS,

  tagging: TAGGING,
};
Object.assign(ORGANIZATIONS, ORGANIZATIONS_POLICIES);

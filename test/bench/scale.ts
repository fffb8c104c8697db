/**
 * Scale benchmark: whole scans (runScan, the AWS adapter, the real SDK clients, every AWS check)
 * of emulated organisations on the wire-level fake, with latency on every call.
 *
 *   npx tsx test/bench/scale.ts [small|medium|large|sweep|SIZE@N ...]   (default: all but SIZE@N)
 *   npm run bench -- scale
 *
 * small: 1 account x 4 regions; medium: 10 accounts x 4 regions; large: 50 accounts x 4 regions;
 * sweep: the medium organisation at accounts concurrency 1, 2, 4, 8. Each account holds
 * 200 users, 100 roles, 400 security groups, 400 volumes, 100 buckets, 50 keys and more.
 * Latency: 40 ms per call, or DUTYSCAN_BENCH_LATENCY_MS / --latency=MS.
 *
 * Every scan is traced (src/engine/trace.ts): beside the wall time the bench prints the bound the
 * trace gives, the API calls on the critical path (each began only after the one before it on
 * the path ended) times the latency per call: no scan of the estate making those calls can be
 * faster. `--trace` also writes each scan's trace to bench-results/scale-LABEL.trace.json (Perfetto).
 *
 * Every run is its own process (so its peak RSS is its own), and the fake runs in yet another
 * process (its memory and CPU are not the scanner's; the scan's process does not even load it). Findings stream to /dev/null as JSON
 * lines, as a file writer would, so memory measures the engine, not an array of findings.
 * Results: bench-results/scale.json and bench-results/scale.md.
 *
 * Diagnosis: `node --expose-gc --cpu-prof --import tsx test/bench/scale.ts --child medium 4 x` runs
 * one scan in the foreground (a CPU profile of the scanner alone); DUTYSCAN_BENCH_HEAP=FILE also
 * writes a heap snapshot after the scan, to see what it still holds.
 */
import pino from 'pino';
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { awsChecks } from '../../checks/aws/index.js';
import { configSchema, defaultConfig } from '../../src/config/schema.js';
import type { Finding } from '../../src/core/finding.js';
import { runScan } from '../../src/engine/scan.js';
import { HEAP_GROWTH_FLAG } from '../../src/util/heap.js';
import { Trace, chromeTrace } from '../../src/engine/trace.js';
import type { WorkerUsage } from '../../src/engine/workers.js';
import { loadCatalog, resolveContract } from '../../src/mapping/catalog.js';
import { createAdapter } from '../../providers/aws/adapter.js';
import { awsConfigSchema } from '../../providers/aws/config.js';
import { BASE_CREDENTIALS } from '../fakes/aws/credentials.js';
import { credentialRow, ec2Region, emptyAccount, unattachedAwsManagedPolicies, type FakeAccount, type FakeState } from '../fakes/aws/state.js';

const REGIONS = ['us-east-1', 'eu-west-1', 'eu-central-1', 'ap-southeast-1'];
const ROLE = 'DutyscanReadOnly';

/** Per account. Regional counts are spread over the regions. */
export const ACCOUNT_SHAPE = {
  users: 200, roles: 100, policies: 20, securityGroups: 400, volumes: 400, instances: 100, snapshots: 40,
  buckets: 100, keys: 50, dbInstances: 20,
} as const;

export const SIZES = {
  small: { accounts: 1, regions: 4 },
  medium: { accounts: 10, regions: 4 },
  large: { accounts: 50, regions: 4 },
} as const;
type Size = keyof typeof SIZES;

export interface ScaleRun {
  readonly label: string;
  readonly size: Size;
  readonly accounts: number;
  readonly regions: number;
  readonly accountsConcurrency: number;
  /** `--workers`: processes collecting the accounts (1: the scan's own). */
  readonly workers: number;
  readonly latencyMs: number;
  readonly wallMs: number;
  readonly resources: number;
  readonly apiCalls: number;
  /** Response bodies the fake sent: what the scan downloaded. */
  readonly bytesReceived: number;
  /** The fake's CPU: it shares the machine's cores with the scan it answers. */
  readonly fakeCpuSeconds: number;
  readonly callsByOperation: Record<string, number>;
  readonly callsPerResource: number;
  readonly peakRssMb: number;
  /** Peak RSS of each worker process, and their CPU (the scan's own process is peakRssMb and cpuSeconds). */
  readonly workerPeakRssMb: readonly number[];
  readonly workerCpuSeconds: number;
  /** Max heap in use right after a full GC, sampled every 2 s: what the scan holds. */
  readonly liveHeapMb: number;
  readonly cpuSeconds: number;
  readonly findings: number;
  readonly findingsPerSecond: number;
  readonly rateLimitWaitMs: number;
  readonly retries: number;
  readonly errors: number;
  readonly complete: boolean;
  /** API calls on the critical path, and the bound they set at the injected latency. */
  readonly criticalPathCalls: number;
  readonly boundMs: number;
  /** Where the critical path's time went, by kind (call, rate-limit, pool, self: the process's own work). */
  readonly criticalPathByKind: Readonly<Record<string, number>>;
}

/** Every account sees the same AWS managed policies, nearly all of them attached to nothing (built in the fake's process only). */
let awsManagedCatalogue: ReturnType<typeof unattachedAwsManagedPolicies> | undefined;

const accountId = (i: number) => String(100_000_000_000 + i);

function scaleAccount(id: string, regions: readonly string[]): FakeAccount {
  const s = ACCOUNT_SHAPE;
  const a = emptyAccount(id, regions.map((RegionName) => ({ RegionName, OptInStatus: 'opt-in-not-required' as const })));
  const doc = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['s3:GetObject', 's3:ListBucket'], Resource: '*' }] });
  const created = new Date('2024-01-01T00:00:00Z');
  for (let i = 0; i < s.users; i++) {
    const arn = `arn:aws:iam::${id}:user/user-${i}`;
    a.iam.users.push({ UserName: `user-${i}`, UserId: `AIDA${id}${i}`, Arn: arn, Path: '/', CreateDate: created, GroupList: ['developers'],
      UserPolicyList: i % 10 === 0 ? [{ PolicyName: 'inline', PolicyDocument: doc }] : [],
      AttachedManagedPolicies: [{ PolicyName: 'ReadOnlyAccess', PolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }] });
    a.iam.credentialReport.rows.push(credentialRow(`user-${i}`, arn, {
      password_enabled: i % 3 === 0 ? 'true' : 'false', mfa_active: i % 6 === 0 ? 'true' : 'false',
      access_key_1_active: i % 2 === 0 ? 'true' : 'false', access_key_1_last_rotated: i % 2 === 0 ? '2025-06-01T00:00:00+00:00' : 'N/A',
    }));
  }
  for (let i = 0; i < s.roles; i++) {
    a.iam.roles.push({ RoleName: `role-${i}`, RoleId: `AROA${id}${i}`, Arn: `arn:aws:iam::${id}:role/role-${i}`, Path: '/', CreateDate: created,
      AssumeRolePolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }] }),
      RolePolicyList: [{ PolicyName: 'inline', PolicyDocument: doc }] });
  }
  a.iam.groups.push({ GroupName: 'developers', GroupId: `AGPA${id}`, Arn: `arn:aws:iam::${id}:group/developers`, Path: '/', CreateDate: created });
  for (let i = 0; i < s.policies; i++) {
    a.iam.policies.push({ PolicyName: `policy-${i}`, PolicyId: `ANPA${id}${i}`, Arn: `arn:aws:iam::${id}:policy/policy-${i}`, Path: '/', DefaultVersionId: 'v1',
      AttachmentCount: 1, IsAttachable: true, CreateDate: created, UpdateDate: created,
      PolicyVersionList: [{ VersionId: 'v1', IsDefaultVersion: true, Document: doc }] });
  }
  // The AWS managed policy every user has: GAAD returns attached AWS managed policies too.
  a.iam.policies.push({ PolicyName: 'ReadOnlyAccess', PolicyId: 'ANPAREADONLY', Arn: 'arn:aws:iam::aws:policy/ReadOnlyAccess', Path: '/', DefaultVersionId: 'v1',
    AttachmentCount: s.users, IsAttachable: true, CreateDate: created, UpdateDate: created,
    PolicyVersionList: [{ VersionId: 'v1', IsDefaultVersion: true, Document: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['s3:Get*', 'ec2:Describe*'], Resource: '*' }] }) }] });
  a.iam.policies.push(...(awsManagedCatalogue ??= unattachedAwsManagedPolicies(1_400)));
  a.iam.summary = { AccountMFAEnabled: 1, AccountAccessKeysPresent: 0 };
  a.iam.passwordPolicy = { MinimumPasswordLength: 14, RequireSymbols: true, RequireNumbers: true, RequireUppercaseCharacters: true, RequireLowercaseCharacters: true, PasswordReusePrevention: 24, MaxPasswordAge: 90 };
  const per = (n: number) => Math.ceil(n / regions.length);
  regions.forEach((region, r) => {
    const ec2 = ec2Region(a, region);
    ec2.ebsEncryptionByDefault = r % 2 === 0;
    for (let i = 0; i < per(s.securityGroups); i++) {
      ec2.securityGroups.push({ GroupId: `sg-${r}-${i}`, GroupName: `sg-${i}`, Description: 'bench', VpcId: `vpc-${r}`, OwnerId: id,
        IpPermissions: [{ IpProtocol: 'tcp', FromPort: i % 40 === 0 ? 22 : 443, ToPort: i % 40 === 0 ? 22 : 443, IpRanges: [{ CidrIp: i % 20 === 0 ? '0.0.0.0/0' : '10.0.0.0/8' }] }],
        IpPermissionsEgress: [{ IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }] }], Tags: [{ Key: 'team', Value: 'bench' }] });
    }
    for (let i = 0; i < per(s.volumes); i++) {
      ec2.volumes.push({ VolumeId: `vol-${r}-${i}`, VolumeType: 'gp3', Size: 20, State: 'in-use', Encrypted: i % 4 !== 0, CreateTime: new Date('2025-01-01T00:00:00Z'),
        AvailabilityZone: `${region}a`, Attachments: [{ InstanceId: `i-${r}-${i % per(s.instances)}`, Device: '/dev/xvda', State: 'attached' }], Tags: [{ Key: 'team', Value: 'bench' }] });
    }
    for (let i = 0; i < per(s.instances); i++) {
      ec2.instances.push({ InstanceId: `i-${r}-${i}`, InstanceType: 't3.micro', State: { Name: 'running', Code: 16 }, ImageId: 'ami-1', LaunchTime: new Date('2026-01-01T00:00:00Z'),
        VpcId: `vpc-${r}`, MetadataOptions: { HttpTokens: i % 2 ? 'required' : 'optional', HttpEndpoint: 'enabled' },
        SecurityGroups: [{ GroupId: `sg-${r}-${i}`, GroupName: `sg-${i}` }], Tags: [{ Key: 'Name', Value: `web-${i}` }] });
    }
    for (let i = 0; i < per(s.snapshots); i++) {
      ec2.snapshots.push({ SnapshotId: `snap-${r}-${i}`, VolumeId: `vol-${r}-${i}`, VolumeSize: 20, StartTime: new Date('2026-02-01T00:00:00Z'), State: 'completed', Encrypted: i % 3 !== 0, OwnerId: id });
      if (i === 0) ec2.publicSnapshotIds.add(`snap-${r}-${i}`);
    }
    ec2.vpcs.push({ VpcId: `vpc-${r}`, CidrBlock: '10.0.0.0/16', IsDefault: false, State: 'available', OwnerId: id });
    ec2.flowLogs.push({ FlowLogId: `fl-${r}`, ResourceId: `vpc-${r}`, FlowLogStatus: 'ACTIVE', TrafficType: 'ALL', LogDestinationType: 's3', DeliverLogsStatus: 'SUCCESS' });
    a.kms[region] = Array.from({ length: per(s.keys) }, (_, i) => ({
      metadata: { KeyId: `k-${r}-${i}`, Arn: `arn:aws:kms:${region}:${id}:key/k-${r}-${i}`, KeyManager: 'CUSTOMER' as const, KeySpec: 'SYMMETRIC_DEFAULT' as const,
        KeyUsage: 'ENCRYPT_DECRYPT' as const, KeyState: 'Enabled' as const, Origin: 'AWS_KMS' as const, CreationDate: new Date('2025-01-01T00:00:00Z'), MultiRegion: false },
      rotationEnabled: i % 3 !== 0, aliases: [`alias/key-${r}-${i}`],
    }));
    a.rds[region] = {
      instances: Array.from({ length: per(s.dbInstances) }, (_, i) => ({
        DBInstanceIdentifier: `db-${r}-${i}`, DBInstanceArn: `arn:aws:rds:${region}:${id}:db:db-${r}-${i}`, DBInstanceClass: 'db.t3.micro', Engine: 'postgres', EngineVersion: '16.1',
        DBInstanceStatus: 'available', InstanceCreateTime: new Date('2025-01-01T00:00:00Z'), StorageEncrypted: i % 2 === 0, PubliclyAccessible: i % 10 === 0,
        BackupRetentionPeriod: i % 4 === 0 ? 0 : 7, DeletionProtection: i % 2 === 0, MultiAZ: false, AutoMinorVersionUpgrade: true, IAMDatabaseAuthenticationEnabled: false,
      })),
      clusters: [],
    };
    a.backup[region] = {
      plans: [{ id: `plan-${r}`, name: 'daily', rules: [{ RuleName: 'daily', TargetBackupVaultName: 'Default', ScheduleExpression: 'cron(0 5 ? * * *)', Lifecycle: { DeleteAfterDays: 35 }, RuleId: `r-${r}` }],
        selections: [{ SelectionId: `sel-${r}`, SelectionName: 'tagged', IamRoleArn: `arn:aws:iam::${id}:role/backup`, Resources: ['arn:aws:ec2:*:*:volume/*'] }] }],
      protectedResources: [],
    };
  });
  for (let i = 0; i < s.buckets; i++) {
    a.buckets.push({
      name: `bench-${id}-${i}`, region: regions[i % regions.length]!, creationDate: new Date('2025-01-01T00:00:00Z'),
      encryption: { Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: i % 5 === 0 ? 'aws:kms' : 'AES256' } }] },
      publicAccessBlock: i % 7 === 0 ? null : { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true },
      policy: i % 4 === 0 ? { text: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: '*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }] }), isPublic: false } : null,
      grants: [{ Grantee: { Type: 'CanonicalUser', ID: 'owner' }, Permission: 'FULL_CONTROL' }], ownership: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
      versioning: i % 2 ? { Status: 'Enabled' } : {}, logging: i % 3 ? null : { TargetBucket: 'audit', TargetPrefix: 'x/' }, tags: [{ Key: 'team', Value: 'bench' }],
    });
  }
  a.trails.push({ Name: 'org-trail', TrailARN: `arn:aws:cloudtrail:us-east-1:${id}:trail/org-trail`, HomeRegion: 'us-east-1', IsMultiRegionTrail: true, IsOrganizationTrail: false,
    IncludeGlobalServiceEvents: true, LogFileValidationEnabled: true, S3BucketName: `bench-${id}-0`, isLogging: true,
    eventSelectors: [{ ReadWriteType: 'All', IncludeManagementEvents: true }] });
  a.securityContact = { AlternateContactType: 'SECURITY', Name: 'Sec', Title: 'CISO', EmailAddress: 'sec@example.com', PhoneNumber: '+1-555-0100' };
  a.memberRole = { name: ROLE };
  return a;
}

function organisation(size: Size): FakeState {
  const { accounts: n, regions: r } = SIZES[size];
  const accounts = Array.from({ length: n }, (_, i) => scaleAccount(accountId(i), REGIONS.slice(0, r)));
  return {
    callerAccount: accountId(0),
    accounts: new Map(accounts.map((a) => [a.id, a])),
    ...(n > 1 ? { organization: { accounts: accounts.map((a, i) => ({ Id: a.id, Name: `account-${i}`, Status: 'ACTIVE' as const })) } } : {}),
  };
}

function latencyMs(): number {
  const arg = process.argv.find((a) => a.startsWith('--latency='));
  return Number(arg?.slice('--latency='.length) ?? process.env.DUTYSCAN_BENCH_LATENCY_MS ?? 40);
}

const self = fileURLToPath(import.meta.url);

/** The fake in its own process; it prints its URL, and exits non-zero on a request it has no route for. */
async function startFake(size: Size, latency: number): Promise<{ url: string; child: ChildProcess; bytesSent: () => number; cpuSeconds: () => number }> {
  const child = spawn(process.execPath, ['--import', 'tsx', self, '--serve-fake', size, `--latency=${latency}`], { stdio: ['ignore', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout! });
  let bytes = 0;
  let cpu = 0;
  lines.on('line', (line) => {
    if (line.startsWith('BYTES ')) [bytes, cpu] = line.slice('BYTES '.length).split(' ').map(Number) as [number, number];
  });
  const url = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the fake exited early (${code})`)));
    lines.on('line', (line) => { if (line.startsWith('http://')) resolve(line.trim()); });
  });
  return { url, child, bytesSent: () => bytes, cpuSeconds: () => cpu };
}

async function serveFake(size: Size): Promise<void> {
  // Loaded here, not at the top: the scan's process must hold the scanner alone, not the fake.
  const { FakeAws } = await import('../fakes/aws/server.js');
  const fake = await FakeAws.start(organisation(size));
  fake.latencyMs = latencyMs();
  // Nobody reads the request log here; at 50 accounts it would be the fake's largest object.
  fake.recordRequests = false;
  // Its CPU from here on: what it spent answering, not building the estate.
  const serving = process.cpuUsage();
  console.log(fake.url);
  process.on('SIGTERM', () => {
    const cpu = process.cpuUsage(serving);
    console.error(`  fake CPU ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s, ${(fake.bytesSent / 1e6).toFixed(1)} MB sent, peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`);
    // What the scanner downloaded: the response bodies the fake sent it.
    console.log(`BYTES ${fake.bytesSent} ${((cpu.user + cpu.system) / 1e6).toFixed(1)}`);
    void fake.close().then(() => process.exit(0), (e: unknown) => { console.error(String(e)); process.exit(1); });
  });
}

/** One scan in this process (a child of the orchestrator): prints its figures as one JSON line. */
async function scanOnce(size: Size, accountsConcurrency: number, label: string, workers: number): Promise<void> {
  const latency = latencyMs();
  const { url, child, bytesSent, cpuSeconds } = await startFake(size, latency);
  // Never leave the fake behind, even when this process dies (out of memory, an uncaught error).
  process.once('exit', () => child.kill('SIGKILL'));
  // The live set: heap in use right after a full GC, sampled every 2 s (the child runs with
  // --expose-gc; a GC of this heap costs tens of ms, about 2% of the run). Peak RSS also counts
  // garbage V8 has not collected yet, which grows with throughput, not with what the scan holds.
  const gc = (globalThis as { gc?: () => void }).gc;
  const liveHeap = { maxMb: 0 };
  const sampleLiveHeap = () => {
    if (!gc) return;
    gc();
    liveHeap.maxMb = Math.max(liveHeap.maxMb, Math.round(process.memoryUsage().heapUsed / 2 ** 20));
  };
  const sampler = setInterval(sampleLiveHeap, 2000);
  let result: Omit<ScaleRun, 'bytesReceived' | 'fakeCpuSeconds'> | undefined;
  process.env.AWS_ACCESS_KEY_ID = BASE_CREDENTIALS.accessKeyId;
  process.env.AWS_SECRET_ACCESS_KEY = BASE_CREDENTIALS.secretAccessKey;
  delete process.env.AWS_SESSION_TOKEN;
  delete process.env.AWS_PROFILE;
  process.env.AWS_EC2_METADATA_DISABLED = 'true';
  const log = pino({ level: 'silent' });
  const defaults = defaultConfig();
  const { accounts } = SIZES[size];
  // The AWS section of the config, as a user writes it: each worker process builds its adapter from it.
  const aws = awsConfigSchema.parse({
    endpoint: url, s3ForcePathStyle: true, regions: REGIONS.slice(0, SIZES[size].regions),
    ...(accounts > 1 ? { organization: { enabled: true, roleName: ROLE } } : {}),
  });
  const config = configSchema.parse({ concurrency: { ...defaults.concurrency, accounts: accountsConcurrency }, providers: { aws } });
  try {
    const adapter = workers > 1 ? undefined : await createAdapter(aws, { log, callTimeoutMs: config.timeouts.callMs });
    let usage: readonly WorkerUsage[] = [];
    const catalog = loadCatalog();
    const contract = resolveContract(catalog, config.contract);
    const out = createWriteStream('/dev/null');
    let resources = 0;
    const erroredChecks = new Map<string, string>();
    // One wait for the stream to drain, however many accounts are publishing at once.
    let draining: Promise<void> | undefined;
    const emit = async (finding: Finding) => {
      if (finding.status === 'ERROR' && erroredChecks.size < 10) erroredChecks.set(finding.check.id, `${finding.error?.code} ${finding.error?.operation}: ${finding.message}`);
      if (!out.write(`${JSON.stringify(finding)}\n`)) await (draining ??= new Promise<void>((resolve) => out.once('drain', () => { draining = undefined; resolve(); })));
    };
    const cpuBefore = process.cpuUsage();
    const trace = new Trace();
    const started = performance.now();
    const summary = await runScan({
      config, providers: ['aws'], checks: awsChecks, catalog, contract, log, trace,
      ...(adapter ? { adapters: { aws: adapter } } : { workers, onWorkers: (u) => { usage = u; } }),
      // Counted in one process only: with workers, every listing would cross a process boundary to be counted.
      ...(workers > 1 ? {} : { onListing: (l) => { if (l.items.ok) resources += l.items.value.length; } }),
    }, emit);
    const wallMs = performance.now() - started;
    clearInterval(sampler);
    sampleLiveHeap();
    if (process.env.DUTYSCAN_BENCH_HEAP) {
      // Diagnosis: what the scan still holds once it is over (run with --expose-gc).
      (globalThis as { gc?: () => void }).gc?.();
      console.log(`  heap after scan and GC: ${Math.round(process.memoryUsage().heapUsed / 2 ** 20)} MB`);
      const { writeHeapSnapshot } = await import('node:v8');
      console.log(`  heap snapshot: ${writeHeapSnapshot(process.env.DUTYSCAN_BENCH_HEAP)}`);
    }
    await new Promise<void>((resolve) => out.end(() => resolve()));
    const cpu = process.cpuUsage(cpuBefore);
    const callsByOperation: Record<string, number> = {};
    for (const [service, ops] of Object.entries(summary.apiCalls.aws ?? {})) {
      for (const [op, n] of Object.entries(ops)) callsByOperation[`${service}:${op}`] = n;
    }
    const path = summary.timing!.criticalPath;
    if (process.argv.includes('--trace')) {
      const file = join(process.cwd(), 'bench-results', `scale-${label}.trace.json`);
      mkdirSync(join(process.cwd(), 'bench-results'), { recursive: true });
      writeFileSync(file, JSON.stringify(chromeTrace(trace.finish(`scale ${label}`))));
      console.log(`  trace: ${file}`);
    }
    console.log(`  critical path: ${path.calls} calls; ${Object.entries(path.byKind).map(([k, ms]) => `${k} ${s(ms)}`).join(', ')}`);
    for (const seg of [...path.segments].sort((a, b) => b.ms - a.ms).slice(0, 5)) {
      console.log(`    ${seg.kind} ${seg.name}: ${s(seg.ms)}, ${seg.calls} calls (${Object.entries(seg.waits).map(([k, ms]) => `${k} ${s(ms)}`).join(', ')})`);
    }
    const run: Omit<ScaleRun, 'bytesReceived' | 'fakeCpuSeconds'> = {
      label, size, accounts, regions: SIZES[size].regions, accountsConcurrency, workers, latencyMs: latency,
      wallMs: Math.round(wallMs), resources, apiCalls: summary.totalApiCalls, callsByOperation,
      callsPerResource: Number((summary.totalApiCalls / Math.max(1, resources)).toFixed(3)),
      peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
      workerPeakRssMb: usage.map((u) => u.peakRssMb),
      workerCpuSeconds: Number(usage.reduce((n, u) => n + u.cpuSeconds, 0).toFixed(1)),
      liveHeapMb: liveHeap.maxMb,
      cpuSeconds: Number(((cpu.user + cpu.system) / 1e6).toFixed(1)),
      findings: summary.findings, findingsPerSecond: Math.round(summary.findings / (wallMs / 1000)),
      rateLimitWaitMs: summary.rateLimitWaitMs,
      retries: Object.values(summary.retries).reduce((a, b) => a + b, 0),
      errors: summary.counts.byStatus.ERROR, complete: summary.complete,
      criticalPathCalls: path.calls, boundMs: path.calls * latency, criticalPathByKind: path.byKind,
    };
    // An incomplete scan's figures would flatter it: say what failed.
    for (const [check, why] of erroredChecks) console.log(`  ERROR ${check}: ${why}`);
    for (const e of summary.errors.slice(0, 10)) console.log(`  error: ${e.code} ${e.operation} ${e.account ?? ''}/${e.region ?? ''}: ${e.message}`);
    result = run;
  } finally {
    const exited = new Promise<number | null>((resolve) => child.once('close', (code) => resolve(code)));
    child.kill('SIGTERM');
    if ((await exited) !== 0) throw new Error('the AWS fake reported unrouted requests');
  }
  console.log(`RESULT ${JSON.stringify({ ...result, bytesReceived: bytesSent(), fakeCpuSeconds: cpuSeconds() })}`);
}

/** Run one scan in a child process and read its figures. */
function runChild(size: Size, accountsConcurrency: number, label: string, workers: number): Promise<ScaleRun> {
  return new Promise((resolve, reject) => {
    // The heap growth the CLI runs with (bin/dutyscan.js), as its worker processes do.
    const child = spawn(process.execPath, ['--expose-gc', HEAP_GROWTH_FLAG, '--import', 'tsx', self, '--child', size, String(accountsConcurrency), label, String(workers), `--latency=${latencyMs()}`,
      ...(process.argv.includes('--trace') ? ['--trace'] : [])],
      { stdio: ['ignore', 'pipe', 'inherit'] });
    let result: ScaleRun | undefined;
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (line.startsWith('RESULT ')) result = JSON.parse(line.slice('RESULT '.length)) as ScaleRun;
      else console.log(line);
    });
    child.once('exit', (code) => (code === 0 && result ? resolve(result) : reject(new Error(`${label}: the scan process exited with ${code}`))));
  });
}

/** `--workers` of each size's side-by-side runs. */
const WORKERS = [1, 2];

const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

function table(runs: readonly ScaleRun[]): string {
  const head = ['run', 'accounts x regions', 'acct conc.', 'workers', 'wall', 'critical-path bound', 'wall / bound', 'resources', 'API calls', 'bytes received', 'calls/resource', 'peak RSS', 'live heap', 'findings', 'findings/s', 'rate-limit wait (sum)', 'retries', 'CPU', 'complete'];
  const rows = runs.map((r) => [
    r.label, `${r.accounts} x ${r.regions}`, String(r.accountsConcurrency), String(r.workers), s(r.wallMs), `${s(r.boundMs)} (${r.criticalPathCalls} calls)`, (r.wallMs / r.boundMs).toFixed(1),
    String(r.resources), String(r.apiCalls), mb(r.bytesReceived), r.callsPerResource.toFixed(3),
    [r.peakRssMb, ...r.workerPeakRssMb].map((mb) => `${mb} MB`).join(' + '), `${r.liveHeapMb} MB`, String(r.findings), String(r.findingsPerSecond), s(r.rateLimitWaitMs), String(r.retries),
    r.workers > 1 ? `${r.cpuSeconds} + ${r.workerCpuSeconds} s` : `${r.cpuSeconds} s`, r.complete ? 'yes' : 'NO',
  ]);
  return [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((row) => `| ${row.join(' | ')} |`)].join('\n');
}

const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;

/** One row per size, --workers 1 and 2 side by side: the README's table. */
function sideBySide(runs: readonly ScaleRun[]): string {
  const head = ['estate', 'API calls', 'bytes received', 'wall, --workers 1', 'wall, --workers 2', 'critical-path bound', 'wall / bound (w1)', 'peak RSS, --workers 1', 'peak RSS, --workers 2 (parent + workers)'];
  const rows = (Object.keys(SIZES) as Size[]).flatMap((size) => {
    const one = runs.find((r) => r.size === size && r.workers === 1 && !r.label.includes('@'));
    const two = runs.find((r) => r.size === size && r.workers === 2);
    if (!one) return [];
    return [[
      `${size} (${one.accounts} x ${one.regions})`, String(one.apiCalls), mb(one.bytesReceived), s(one.wallMs),
      two ? `${s(two.wallMs)} (${(two.wallMs / one.wallMs).toFixed(2)}x)` : '-',
      `${s(one.boundMs)} (${one.criticalPathCalls} calls)`, (one.wallMs / one.boundMs).toFixed(1),
      `${one.peakRssMb} MB`, two ? [two.peakRssMb, ...two.workerPeakRssMb].map((m) => `${m}`).join(' + ') + ' MB' : '-',
    ]];
  });
  return [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((row) => `| ${row.join(' | ')} |`)].join('\n');
}

function operations(run: ScaleRun): string {
  const byService: Record<string, number> = {};
  for (const [op, n] of Object.entries(run.callsByOperation)) byService[op.split(':')[0]!] = (byService[op.split(':')[0]!] ?? 0) + n;
  const lines = Object.entries(run.callsByOperation).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([op, n]) => `| ${op} | ${n} | ${(n / run.accounts).toFixed(1)} |`);
  const services = Object.entries(byService).sort((a, b) => b[1] - a[1]).map(([svc, n]) => `${svc} ${n}`).join(', ');
  return [`Calls by service (${run.label}): ${services}`, '', '| operation | calls | per account |', '|---|---|---|', ...lines].join('\n');
}

/** How many of the machine's cores the scan and the fake kept busy on average. */
const busy = (r: ScaleRun) => ((r.cpuSeconds + r.workerCpuSeconds + r.fakeCpuSeconds) / (r.wallMs / 1000)).toFixed(2);

function verdicts(runs: readonly ScaleRun[]): string[] {
  const out: string[] = [];
  const by = (label: string) => runs.find((r) => r.label === label);
  const small = by('small');
  const large = by('large');
  if (large) out.push(`- 50 accounts x 4 regions in under 60 s: ${s(large.wallMs)} → ${large.wallMs < 60_000 ? 'met' : 'MISSED'}`);
  const sizes = ['small', 'medium', 'large'].map(by).filter((r): r is ScaleRun => r !== undefined);
  if (small && large) {
    const growth = large.peakRssMb / small.peakRssMb - 1;
    out.push(`- peak RSS flat (within 20%) from 1 to 50 accounts: ${small.peakRssMb} MB → ${large.peakRssMb} MB (${(growth * 100).toFixed(0)}%) → ${growth <= 0.2 ? 'met' : 'MISSED'}; live heap ${small.liveHeapMb} MB → ${large.liveHeapMb} MB (${((large.liveHeapMb / small.liveHeapMb - 1) * 100).toFixed(0)}%)`);
  }
  const medium = by('medium');
  if (medium && large && medium.accountsConcurrency === large.accountsConcurrency) {
    out.push(`- at the same accounts concurrency (${large.accountsConcurrency} in flight), 10 → 50 accounts: peak RSS ${medium.peakRssMb} → ${large.peakRssMb} MB (${((large.peakRssMb / medium.peakRssMb - 1) * 100).toFixed(0)}%), live heap ${medium.liveHeapMb} → ${large.liveHeapMb} MB (${((large.liveHeapMb / medium.liveHeapMb - 1) * 100).toFixed(0)}%)`);
  }
  if (sizes.length > 1) {
    out.push(`- wall time per 1,000 resources: ${sizes.map((r) => `${r.label} ${(r.wallMs / r.resources).toFixed(2)} s`).join(', ')}`);
  }
  for (const many of runs.filter((r) => r.workers > 1)) {
    const one = runs.find((r) => r.size === many.size && r.workers === 1 && r.accountsConcurrency === many.accountsConcurrency);
    if (!one) continue;
    const ratio = many.wallMs / one.wallMs;
    out.push(`- ${many.size}, --workers ${many.workers} against --workers 1: wall ${s(one.wallMs)} → ${s(many.wallMs)} (${ratio.toFixed(2)}x, target ≤ 0.6x → ${ratio <= 0.6 ? 'met' : 'MISSED'}); peak RSS per process ${one.peakRssMb} MB → ${[many.peakRssMb, ...many.workerPeakRssMb].join(' + ')} MB; findings ${one.findings} → ${many.findings}`);
    out.push(`  cores busy (scan + workers + fake CPU / wall, of ${availableParallelism()}): ${busy(one)} → ${busy(many)}; CPU ${one.cpuSeconds} + ${one.fakeCpuSeconds} s (fake) → ${many.cpuSeconds} + ${many.workerCpuSeconds} + ${many.fakeCpuSeconds} s (fake)`);
  }
  const sweep = runs.filter((r) => r.label.startsWith('medium@'));
  if (sweep.length > 0) {
    out.push(`- medium org, accounts concurrency sweep: ${sweep.map((r) => `${r.accountsConcurrency} → ${s(r.wallMs)} (scanner CPU ${r.cpuSeconds} s, rate-limit wait ${s(r.rateLimitWaitMs)}, peak RSS ${r.peakRssMb} MB)`).join('; ')}`);
  }
  return out;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
  const wanted = args.length > 0 ? args : ['small', 'medium', 'large', 'sweep'];
  const plan: { size: Size; concurrency: number; label: string; workers: number }[] = [];
  const defaultAccounts = defaultConfig().concurrency.accounts;
  for (const w of wanted) {
    const at = /^(\w+)@(\d+)$/.exec(w); // e.g. large@1: a size at a given accounts concurrency
    if (w === 'sweep') for (const c of [1, 2, 4, 8]) plan.push({ size: 'medium', concurrency: c, label: `medium@${c}`, workers: 1 });
    // Each size with --workers 1 and --workers 2, side by side in one run.
    else if (w in SIZES) plan.push(...WORKERS.map((workers) => ({ size: w as Size, concurrency: defaultAccounts, label: workers > 1 ? `${w}/w${workers}` : w, workers })));
    else if (at && at[1]! in SIZES) plan.push({ size: at[1] as Size, concurrency: Number(at[2]), label: w, workers: 1 });
    else throw new Error(`unknown run "${w}" (small, medium, large, sweep, or SIZE@CONCURRENCY such as large@1)`);
  }
  const runs: ScaleRun[] = [];
  for (const p of plan) {
    console.log(`scale: ${p.label} (${SIZES[p.size].accounts} accounts x ${SIZES[p.size].regions} regions, accounts concurrency ${p.concurrency}, --workers ${p.workers}, ${latencyMs()} ms per call; load average ${loadavg().map((l) => l.toFixed(2)).join(' ')})...`);
    const single = runs.find((r) => r.size === p.size && r.workers === 1 && r.accountsConcurrency === p.concurrency);
    const measured = await runChild(p.size, p.concurrency, p.label, p.workers);
    // A run with workers counts no resources (see scanOnce): they are those of the same organisation in one process.
    const run = single && p.workers > 1 ? { ...measured, resources: single.resources, callsPerResource: Number((measured.apiCalls / Math.max(1, single.resources)).toFixed(3)) } : measured;
    runs.push(run);
    console.log(`  ${s(run.wallMs)}, ${run.apiCalls} calls, ${run.resources} resources, ${run.findings} findings, peak RSS ${run.peakRssMb} MB`);
  }
  const shape = Object.entries(ACCOUNT_SHAPE).map(([k, v]) => `${v} ${k}`).join(', ');
  const biggest = [...runs].sort((a, b) => b.apiCalls - a.apiCalls)[0];
  const md = [
    '# Scale benchmark (AWS, wire-level fake)', '',
    `Per account: ${shape}. Latency ${latencyMs()} ms per call. Load average at the end: ${loadavg().map((l) => l.toFixed(2)).join(' ')} (${availableParallelism()} cores). Default rate limits and per-account cap; every AWS check; findings streamed to /dev/null.`,
    `Critical-path bound: the API calls on the traced scan's critical path x the latency per call (no scan making these calls can be faster).`, '',
    sideBySide(runs), '', table(runs), '', ...verdicts(runs), '', ...(biggest ? [operations(biggest)] : []), '',
  ].join('\n');
  const dir = join(process.cwd(), 'bench-results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'scale.json'), `${JSON.stringify({ latencyMs: latencyMs(), accountShape: ACCOUNT_SHAPE, runs }, null, 2)}\n`);
  writeFileSync(join(dir, 'scale.md'), md);
  console.log(`\n${md}`);
  console.log(`written: ${join(dir, 'scale.json')}, ${join(dir, 'scale.md')}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const i = process.argv.indexOf('--serve-fake');
  const c = process.argv.indexOf('--child');
  if (i >= 0) await serveFake(process.argv[i + 1] as Size);
  else if (c >= 0) await scanOnce(process.argv[c + 1] as Size, Number(process.argv[c + 2]), process.argv[c + 3]!, Number(process.argv[c + 4]));
  else await main();
}

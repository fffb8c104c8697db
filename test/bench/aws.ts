/**
 * AWS collection benchmark: an emulated account on the wire-level fake, 40 ms per call, collected
 * through the real SDK clients, the ApiCaller (RateLimitedApi with the default rate limits and
 * per-account cap) and a task pool sized like the engine's default. Prints wall time, calls by
 * service and operation, calls per resource, and the scanner's peak RSS (the fake runs apart).
 *
 *   npx tsx test/bench/aws.ts            (or: npm run bench -- aws)
 */
import pLimit from 'p-limit';
import pino from 'pino';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { defaultConfig } from '../../src/config/schema.js';
import type { Listing } from '../../src/core/inventory.js';
import type { ResourceType } from '../../src/core/resource.js';
import { RateLimitedApi } from '../../src/engine/api.js';
import { createAdapter } from '../../providers/aws/adapter.js';
import { awsConfigSchema } from '../../providers/aws/config.js';
import { AWS_GLOBAL_TYPES, AWS_REGIONAL_TYPES } from '../../providers/aws/resources.js';
import { BASE_CREDENTIALS, FakeAws } from '../fakes/aws/server.js';
import { credentialRow, ec2Region, emptyAccount, type FakeAccount } from '../fakes/aws/state.js';

export interface AwsBenchFigures {
  readonly wallMs: number;
  readonly resources: number;
  readonly calls: number;
  readonly callsByOperation: Record<string, number>;
  readonly peakRssMb: number;
  readonly cpuSeconds: number;
  readonly failedListings: number;
  /** The built CLI scanning the same account (collect, evaluate, write JSON): what a user's process peaks at. */
  readonly cli: { readonly wallMs: number; readonly peakRssMb: number; readonly cpuSeconds: number; readonly exitCode: number | null };
}

const ACCOUNT = '123456789012';
const REGIONS = ['us-east-1', 'eu-west-1', 'eu-central-1', 'ap-southeast-1'];
export const BENCH_SHAPE = { users: 1_000, roles: 300, securityGroups: 2_000, volumes: 2_000, buckets: 500, regions: REGIONS.length, latencyMs: 40 };

function benchAccount(): FakeAccount {
  const a = emptyAccount(ACCOUNT, REGIONS.map((RegionName) => ({ RegionName, OptInStatus: 'opt-in-not-required' as const })));
  const doc = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['s3:GetObject', 's3:ListBucket'], Resource: '*' }] });
  for (let i = 0; i < BENCH_SHAPE.users; i++) {
    const arn = `arn:aws:iam::${ACCOUNT}:user/user-${i}`;
    a.iam.users.push({ UserName: `user-${i}`, UserId: `AIDA${i}`, Arn: arn, Path: '/', CreateDate: new Date('2024-01-01T00:00:00Z'),
      GroupList: ['developers'], UserPolicyList: i % 10 === 0 ? [{ PolicyName: 'inline', PolicyDocument: doc }] : [],
      AttachedManagedPolicies: [{ PolicyName: 'ReadOnlyAccess', PolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }] });
    a.iam.credentialReport.rows.push(credentialRow(`user-${i}`, arn, {
      password_enabled: i % 3 === 0 ? 'true' : 'false', mfa_active: i % 6 === 0 ? 'true' : 'false',
      access_key_1_active: i % 2 === 0 ? 'true' : 'false', access_key_1_last_rotated: i % 2 === 0 ? '2025-06-01T00:00:00+00:00' : 'N/A',
    }));
  }
  for (let i = 0; i < BENCH_SHAPE.roles; i++) {
    a.iam.roles.push({ RoleName: `role-${i}`, RoleId: `AROA${i}`, Arn: `arn:aws:iam::${ACCOUNT}:role/role-${i}`, Path: '/', CreateDate: new Date('2024-01-01T00:00:00Z'),
      AssumeRolePolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }] }),
      RolePolicyList: [{ PolicyName: 'inline', PolicyDocument: doc }] });
  }
  a.iam.groups.push({ GroupName: 'developers', GroupId: 'AGPA1', Arn: `arn:aws:iam::${ACCOUNT}:group/developers`, Path: '/', CreateDate: new Date('2024-01-01T00:00:00Z') });
  for (let i = 0; i < 50; i++) {
    a.iam.policies.push({ PolicyName: `policy-${i}`, PolicyId: `ANPA${i}`, Arn: `arn:aws:iam::${ACCOUNT}:policy/policy-${i}`, Path: '/', DefaultVersionId: 'v1',
      AttachmentCount: 1, IsAttachable: true, CreateDate: new Date('2024-01-01T00:00:00Z'), UpdateDate: new Date('2024-01-01T00:00:00Z'),
      PolicyVersionList: [{ VersionId: 'v1', IsDefaultVersion: true, Document: doc }] });
  }
  // Every user has the AWS managed ReadOnlyAccess attached: AWS lists it as attached, as it would.
  a.iam.policies.push({ PolicyName: 'ReadOnlyAccess', PolicyId: 'ANPAREADONLY', Arn: 'arn:aws:iam::aws:policy/ReadOnlyAccess', Path: '/', DefaultVersionId: 'v1',
    AttachmentCount: BENCH_SHAPE.users, IsAttachable: true, CreateDate: new Date('2015-02-06T18:39:48Z'), UpdateDate: new Date('2015-02-06T18:39:48Z'),
    PolicyVersionList: [{ VersionId: 'v1', IsDefaultVersion: true, Document: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['s3:Get*', 'ec2:Describe*'], Resource: '*' }] }) }] });
  a.iam.summary = { AccountMFAEnabled: 1, AccountAccessKeysPresent: 0 };
  REGIONS.forEach((region, r) => {
    const ec2 = ec2Region(a, region);
    for (let i = 0; i < BENCH_SHAPE.securityGroups / REGIONS.length; i++) {
      ec2.securityGroups.push({ GroupId: `sg-${r}-${i}`, GroupName: `sg-${i}`, Description: 'bench', VpcId: `vpc-${r}`, OwnerId: ACCOUNT,
        IpPermissions: [{ IpProtocol: 'tcp', FromPort: 443, ToPort: 443, IpRanges: [{ CidrIp: i % 50 === 0 ? '0.0.0.0/0' : '10.0.0.0/8' }] }],
        IpPermissionsEgress: [{ IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }] }], Tags: [{ Key: 'team', Value: 'bench' }] });
    }
    for (let i = 0; i < BENCH_SHAPE.volumes / REGIONS.length; i++) {
      ec2.volumes.push({ VolumeId: `vol-${r}-${i}`, VolumeType: 'gp3', Size: 20, State: 'in-use', Encrypted: i % 4 !== 0, CreateTime: new Date('2025-01-01T00:00:00Z'),
        AvailabilityZone: `${region}a`, Attachments: [{ InstanceId: `i-${r}-${i % 100}`, Device: '/dev/xvda', State: 'attached' }] });
    }
    for (let i = 0; i < 100; i++) {
      ec2.instances.push({ InstanceId: `i-${r}-${i}`, InstanceType: 't3.micro', State: { Name: 'running', Code: 16 }, MetadataOptions: { HttpTokens: i % 2 ? 'required' : 'optional' },
        SecurityGroups: [{ GroupId: `sg-${r}-${i}` }] });
    }
    ec2.vpcs.push({ VpcId: `vpc-${r}`, CidrBlock: '10.0.0.0/16', IsDefault: false, State: 'available', OwnerId: ACCOUNT });
  });
  for (let i = 0; i < BENCH_SHAPE.buckets; i++) {
    a.buckets.push({
      name: `bench-bucket-${i}`, region: REGIONS[i % REGIONS.length]!, creationDate: new Date('2025-01-01T00:00:00Z'),
      encryption: { Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: i % 5 === 0 ? 'aws:kms' : 'AES256' } }] },
      publicAccessBlock: i % 7 === 0 ? null : { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true },
      policy: i % 4 === 0 ? { text: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: '*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }] }), isPublic: false } : null,
      grants: [{ Grantee: { Type: 'CanonicalUser', ID: 'owner' }, Permission: 'FULL_CONTROL' }], ownership: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
      versioning: i % 2 ? { Status: 'Enabled' } : {}, logging: null, tags: [{ Key: 'team', Value: 'bench' }],
    });
  }
  return a;
}

function rssMb(): number {
  // resourceUsage().maxRSS is in kilobytes.
  return Math.round(process.resourceUsage().maxRSS / 1024);
}

/**
 * The fake runs in its own process, as AWS would: its CPU (XML writing, 40 ms timers) must not
 * compete with the scanner's on the event loop, and the peak RSS we report is the scanner's alone.
 */
async function startFakeProcess(): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--serve-fake'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout! });
  const url = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the fake exited early (${code})`)));
    lines.on('line', (line) => { if (line.startsWith('http://')) resolve(line.trim()); });
  });
  return { url, child };
}

async function serveFake(): Promise<void> {
  const fake = await FakeAws.start({ callerAccount: ACCOUNT, accounts: new Map([[ACCOUNT, benchAccount()]]) });
  fake.latencyMs = BENCH_SHAPE.latencyMs;
  console.log(fake.url);
  process.on('SIGTERM', () => {
    void fake.close().then(() => process.exit(0), (e: unknown) => { console.error(String(e)); process.exit(1); });
  });
}

const repo = fileURLToPath(new URL('../../', import.meta.url));

/** `dutyscan scan -p aws -f json` as a user runs it, against the fake; its own peak RSS and CPU time. */
async function scanWithCli(url: string): Promise<AwsBenchFigures['cli']> {
  const bin = join(repo, 'bin', 'dutyscan.js');
  if (!existsSync(join(repo, 'dist', 'src', 'cli', 'main.js'))) throw new Error('dist/ is missing: npm run build (npm run bench does it first)');
  const dir = mkdtempSync(join(tmpdir(), 'dutyscan-bench-'));
  try {
    writeFileSync(join(dir, 'dutyscan.yaml'), `providers:\n  aws:\n    endpoint: ${url}\n    s3ForcePathStyle: true\n`);
    const started = performance.now();
    const child = spawn(process.execPath, ['--import', pathToFileURL(join(repo, 'test', 'bench', 'rss-on-exit.mjs')).href, bin,
      'scan', '-p', 'aws', '-c', join(dir, 'dutyscan.yaml'), '-f', 'json', '-o', join(dir, 'out'), '--no-progress'], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
    const [exitCode] = await once(child, 'exit') as [number | null];
    const wallMs = Math.round(performance.now() - started);
    const rss = /bench-max-rss-kb (\d+)/.exec(stderr);
    if (!rss) throw new Error(`the CLI did not report its peak RSS (exit ${exitCode}):\n${stderr.slice(-2000)}`);
    // Exit 3 says failing findings were found, as they are in this estate; anything else is a broken run.
    if (exitCode !== 3) throw new Error(`the CLI scan exited ${exitCode}:\n${stderr.slice(-2000)}`);
    const usage = /bench-cpu-us (\d+)/.exec(stderr);
    return { wallMs, peakRssMb: Math.round(Number(rss[1]) / 1024), cpuSeconds: usage ? Number(usage[1]) / 1e6 : NaN, exitCode };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchAws(): Promise<AwsBenchFigures> {
  const { url, child } = await startFakeProcess();
  process.env.AWS_ACCESS_KEY_ID = BASE_CREDENTIALS.accessKeyId;
  process.env.AWS_SECRET_ACCESS_KEY = BASE_CREDENTIALS.secretAccessKey;
  process.env.AWS_EC2_METADATA_DISABLED = 'true';
  const engine = defaultConfig();
  const log = pino({ level: 'silent' });
  try {
    const adapter = await createAdapter(awsConfigSchema.parse({ endpoint: url, s3ForcePathStyle: true }), { log, callTimeoutMs: engine.timeouts.callMs });
    const api = new RateLimitedApi('aws', { rateLimits: engine.rateLimits, perAccountRequests: engine.concurrency.perAccountRequests });
    const signal = new AbortController().signal;
    const types = new Set<ResourceType>([...AWS_GLOBAL_TYPES, ...AWS_REGIONAL_TYPES]);
    const started = performance.now();
    const cpuBefore = process.cpuUsage();
    const discovery = await adapter.discover({ api, signal, log });
    const taskPool = pLimit(engine.concurrency.tasks);
    const listings: Listing[] = [];
    for (const target of discovery.targets) {
      const results = await Promise.all(adapter.tasks(target, types).map((task) => taskPool(() => task.run({ api, signal, log }))));
      listings.push(...results.flat());
    }
    const wallMs = Math.round(performance.now() - started);
    const cpu = process.cpuUsage(cpuBefore);
    const stats = api.snapshot();
    const callsByOperation: Record<string, number> = {};
    for (const [service, ops] of Object.entries(stats.calls.aws ?? {})) {
      for (const [op, n] of Object.entries(ops)) callsByOperation[`${service}:${op}`] = n;
    }
    const resources = listings.reduce((n, l) => n + (l.items.ok ? l.items.value.length : 0), 0);
    const figures: AwsBenchFigures = {
      wallMs, resources, calls: stats.totalCalls, callsByOperation, peakRssMb: rssMb(), cpuSeconds: (cpu.user + cpu.system) / 1e6,
      failedListings: listings.filter((l) => !l.items.ok).length,
      cli: await scanWithCli(url),
    };
    print(figures, stats.rateLimitWaitMs, discovery.failures.length);
    return figures;
  } finally {
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    // A non-zero exit means the fake saw a request it has no route for.
    if ((await exited) !== 0) throw new Error('the AWS fake reported unrouted requests');
  }
}

function print(f: AwsBenchFigures, rateLimitWaitMs: number, discoveryFailures: number): void {
  const s = BENCH_SHAPE;
  const iamCalls = Object.entries(f.callsByOperation).filter(([k]) => k.startsWith('iam:')).reduce((n, [, c]) => n + c, 0);
  const rows: [string, string][] = [
    ['account', `${s.users} users, ${s.roles} roles, ${s.securityGroups} security groups, ${s.volumes} volumes, ${s.buckets} buckets, ${s.regions} regions`],
    ['latency per call', `${s.latencyMs} ms`],
    ['wall time', `${(f.wallMs / 1000).toFixed(2)} s (target < 15 s)`],
    ['resources listed', String(f.resources)],
    ['API calls', String(f.calls)],
    ['calls per resource', (f.calls / Math.max(1, f.resources)).toFixed(3)],
    ['IAM calls (users + roles + policies)', `${iamCalls} for ${s.users + s.roles + 51} entities`],
    ['rate-limit wait (sum over calls)', `${(rateLimitWaitMs / 1000).toFixed(1)} s`],
    ['failed listings / discovery failures', `${f.failedListings} / ${discoveryFailures}`],
    ['scanner CPU time', `${f.cpuSeconds.toFixed(1)} s`],
    ['peak RSS (scanner process)', `${f.peakRssMb} MB`],
    ['dutyscan scan -f json (built CLI)', `${(f.cli.wallMs / 1000).toFixed(2)} s, CPU ${f.cli.cpuSeconds.toFixed(1)} s, peak RSS ${f.cli.peakRssMb} MB (target <= 200 MB)`],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  console.log('AWS collection benchmark');
  for (const [k, v] of rows) console.log(`  ${k.padEnd(width)}  ${v}`);
  console.log('  calls by operation:');
  for (const [op, n] of Object.entries(f.callsByOperation).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))) {
    console.log(`    ${op.padEnd(40)} ${String(n).padStart(6)}`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  if (process.argv.includes('--serve-fake')) await serveFake();
  else await benchAws();
}

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { GLOBAL_REGION } from '../../../src/core/resource.js';
import { inShard, shardOf } from '../../../src/core/shard.js';
import { RateLimitedApi } from '../../../src/engine/api.js';
import { clientSettings } from '../../../providers/aws/adapter.js';
import { AwsClients } from '../../../providers/aws/collect/clients.js';
import { assumedRoleCredentials, selectAccounts } from '../../../providers/aws/discover.js';
import { awsConfigSchema } from '../../../providers/aws/config.js';
import type { FakeState } from '../../fakes/aws/state.js';
import { BASE_CREDENTIALS } from '../../fakes/aws/server.js';
import { adapterFor, FakeAws, FAST_LIMITS, find, items, richAccount, runAdapter, silentLog, singleAccountState, useFakeCredentials } from './support.js';

let fake: FakeAws | undefined;
const savedEnv = { ...process.env };
afterEach(async () => {
  process.env = { ...savedEnv };
  await fake?.close();
  fake = undefined;
});

const MANAGEMENT = '100000000000';
const MEMBER_OK = '200000000001';
const MEMBER_NO_ROLE = '200000000002';
const MEMBER_SUSPENDED = '200000000003';
const MEMBER_EXCLUDED = '200000000004';

function organisation(): FakeState {
  const management = richAccount(MANAGEMENT);
  const ok = richAccount(MEMBER_OK);
  ok.memberRole = { name: 'DutyscanReadOnly', externalId: 'ext-123' };
  ok.buckets = ok.buckets.map((b) => ({ ...b, name: `member-${b.name}` }));
  const noRole = richAccount(MEMBER_NO_ROLE);
  const suspended = richAccount(MEMBER_SUSPENDED);
  suspended.memberRole = { name: 'DutyscanReadOnly', externalId: 'ext-123' };
  const excluded = richAccount(MEMBER_EXCLUDED);
  excluded.memberRole = { name: 'DutyscanReadOnly', externalId: 'ext-123' };
  return {
    callerAccount: MANAGEMENT,
    accounts: new Map([management, ok, noRole, suspended, excluded].map((a) => [a.id, a])),
    organization: {
      accounts: [
        { Id: MANAGEMENT, Name: 'management', Status: 'ACTIVE' },
        { Id: MEMBER_OK, Name: 'workloads', Status: 'ACTIVE' },
        { Id: MEMBER_NO_ROLE, Name: 'legacy', Status: 'ACTIVE' },
        { Id: MEMBER_SUSPENDED, Name: 'closed', Status: 'SUSPENDED' },
        { Id: MEMBER_EXCLUDED, Name: 'sandbox', Status: 'ACTIVE' },
      ],
    },
  };
}

const orgConfig = { regions: ['us-east-1'], organization: { enabled: true, externalId: 'ext-123', excludeAccounts: [MEMBER_EXCLUDED] } };

describe('AWS discovery', () => {
  it('scans an organisation: assumes the role in each member, reports the one it cannot enter, skips suspended', async () => {
    fake = await FakeAws.start(organisation());
    fake.pageCap = 2; // ListAccounts in three pages
    const steps: string[] = [];
    const { discovery, listings } = await runAdapter(await adapterFor(fake, orgConfig), { types: new Set(['aws.s3.bucket', 'aws.iam.user']), step: (s) => steps.push(s) });
    expect(discovery.mode).toBe('organization');
    // What the progress line says while discovery waits: each member entered (or tried) counts.
    expect(steps).toEqual([
      'checking credentials (sts:GetCallerIdentity)', 'listing organisation accounts (organizations:ListAccounts)',
      'assuming roles 0/3', 'assuming roles 1/3', 'assuming roles 2/3', 'assuming roles 3/3',
    ]);
    expect(discovery.targets.map((t) => [t.account, t.accountName])).toEqual([[MANAGEMENT, 'management'], [MEMBER_OK, 'workloads']]);
    expect(discovery.failures).toHaveLength(1);
    expect(discovery.failures[0]).toMatchObject({
      scope: { provider: 'aws', account: MEMBER_NO_ROLE, accountName: 'legacy', region: GLOBAL_REGION },
      error: { code: 'AUTH_FAILED', operation: 'sts:AssumeRole', account: MEMBER_NO_ROLE },
    });
    expect(fake.count('organizations', 'ListAccounts')).toBe(3);
    // One AssumeRole per member entered (or tried), none for the suspended or excluded ones, none for the caller.
    expect(fake.requests.filter((r) => r.operation === 'AssumeRole')).toHaveLength(2);
    expect(fake.requests.some((r) => r.account === MEMBER_SUSPENDED || r.account === MEMBER_EXCLUDED)).toBe(false);
    // The member's own data, read with the member's credentials.
    expect(items(find(listings, 'aws.s3.bucket', 'us-east-1', MEMBER_OK)).map((b) => b.name).sort()).toEqual(['member-bare-bucket', 'member-logs-bucket']);
    expect(items(find(listings, 'aws.s3.bucket', 'us-east-1', MANAGEMENT)).map((b) => b.name).sort()).toEqual(['bare-bucket', 'logs-bucket']);
    expect(find(listings, 'aws.iam.user', GLOBAL_REGION, MEMBER_OK).scope.accountName).toBe('workloads');
    expect(fake.count('s3', 'ListBuckets', { account: MEMBER_OK })).toBe(1);
  });

  it('refuses an external id the member role does not trust', async () => {
    fake = await FakeAws.start(organisation());
    const { discovery } = await runAdapter(await adapterFor(fake, { ...orgConfig, organization: { ...orgConfig.organization, externalId: 'wrong' } }), { types: new Set(['aws.s3.bucket']) });
    expect(discovery.targets.map((t) => t.account)).toEqual([MANAGEMENT]);
    expect(discovery.failures.map((f) => [f.scope.account, f.error.code])).toEqual(
      expect.arrayContaining([[MEMBER_OK, 'AUTH_FAILED'], [MEMBER_NO_ROLE, 'AUTH_FAILED']]),
    );
  });

  it('splits the organisation into stable, disjoint shards by account id', async () => {
    fake = await FakeAws.start(organisation());
    const seen: string[][] = [];
    for (let index = 0; index < 3; index++) {
      const adapter = await adapterFor(fake, { ...orgConfig, organization: { ...orgConfig.organization, externalId: 'ext-123', excludeAccounts: [] } });
      const api = new RateLimitedApi('aws', { rateLimits: FAST_LIMITS });
      const d = await adapter.discover({ api, signal: new AbortController().signal, log: silentLog, shard: { index, count: 3 } });
      seen.push([...d.targets.map((t) => t.account), ...d.failures.map((f) => f.scope.account)].sort());
    }
    const all = seen.flat().sort();
    expect(all).toEqual([MANAGEMENT, MEMBER_OK, MEMBER_NO_ROLE, MEMBER_EXCLUDED].sort());
    for (let index = 0; index < 3; index++) {
      expect(seen[index]).toEqual([MANAGEMENT, MEMBER_OK, MEMBER_NO_ROLE, MEMBER_EXCLUDED].filter((a) => shardOf(a, 3) === index).sort());
    }
  });

  it('scans every enabled region of a single account, or the configured ones that are enabled', async () => {
    fake = await FakeAws.start(singleAccountState());
    const all = await runAdapter(await adapterFor(fake), { types: new Set(['aws.account.region']) });
    expect(all.discovery.mode).toBe('single-account');
    expect(all.listings.map((l) => l.scope.region).sort()).toEqual(['ap-southeast-1', 'eu-central-1', 'eu-west-1', 'us-east-1']);
    expect(fake.count('ec2', 'DescribeRegions')).toBe(1);

    const configured = await runAdapter(await adapterFor(fake, { regions: ['eu-west-1', 'af-south-1', 'xx-nowhere-1'] }), { types: new Set(['aws.account.region']) });
    expect(configured.discovery.targets[0]!.regions).toEqual(['eu-west-1']);
    expect(configured.discovery.failures.map((f) => [f.scope.region, f.error.code, f.error.operation])).toEqual([
      ['af-south-1', 'NOT_ENABLED', 'ec2:DescribeRegions'],
      ['xx-nowhere-1', 'NOT_ENABLED', 'ec2:DescribeRegions'],
    ]);
    // A region failure concerns regional types only (not IAM's global checks).
    expect(configured.discovery.failures[0]!.resourceTypes).toContain('aws.s3.bucket');
    expect(configured.discovery.failures[0]!.resourceTypes).not.toContain('aws.iam.user');
  });

  it('reports AUTH_FAILED when the credentials are rejected, and scans nothing', async () => {
    fake = await FakeAws.start(singleAccountState());
    fake.fault({ service: 'sts', operation: 'GetCallerIdentity', code: 'InvalidClientTokenId', status: 403 });
    const { discovery, listings } = await runAdapter(await adapterFor(fake));
    expect(discovery.targets).toEqual([]);
    expect(listings).toEqual([]);
    expect(discovery.failures[0]!.error).toMatchObject({ code: 'AUTH_FAILED', operation: 'sts:GetCallerIdentity' });
  });

  it('honours AWS_ENDPOINT_URL and DUTYSCAN_AWS_S3_FORCE_PATH_STYLE without any endpoint in the config', async () => {
    fake = await FakeAws.start(singleAccountState());
    useFakeCredentials();
    process.env.AWS_ENDPOINT_URL = fake.url;
    process.env.DUTYSCAN_AWS_S3_FORCE_PATH_STYLE = 'true';
    const { createAdapter } = await import('../../../providers/aws/adapter.js');
    const adapter = await createAdapter(awsConfigSchema.parse({ regions: ['us-east-1'], maxAttempts: 1 }), { log: silentLog, callTimeoutMs: 5_000 });
    const { listings } = await runAdapter(adapter, { types: new Set(['aws.s3.bucket', 'aws.s3.account-public-access-block']) });
    expect(items(find(listings, 'aws.s3.bucket', 'us-east-1'))).toHaveLength(2);
    expect(items(find(listings, 'aws.s3.account-public-access-block', GLOBAL_REGION))).toHaveLength(1);
    expect(clientSettings(awsConfigSchema.parse({}), { callTimeoutMs: 1 }).forcePathStyle).toBe(true);
  });
});

describe('credentials from a named profile', () => {
  it('uses `profile` from the shared files when no keys are in the environment', async () => {
    fake = await FakeAws.start(singleAccountState());
    const dir = mkdtempSync(join(tmpdir(), 'dutyscan-aws-'));
    writeFileSync(join(dir, 'credentials'), `[audit]\naws_access_key_id = ${BASE_CREDENTIALS.accessKeyId}\naws_secret_access_key = ${BASE_CREDENTIALS.secretAccessKey}\n`);
    writeFileSync(join(dir, 'config'), '[profile audit]\nregion = us-east-1\n');
    process.env.AWS_SHARED_CREDENTIALS_FILE = join(dir, 'credentials');
    process.env.AWS_CONFIG_FILE = join(dir, 'config');
    process.env.AWS_EC2_METADATA_DISABLED = 'true';
    delete process.env.AWS_ACCESS_KEY_ID;
    delete process.env.AWS_SECRET_ACCESS_KEY;
    delete process.env.AWS_PROFILE;
    const { createAdapter } = await import('../../../providers/aws/adapter.js');
    const adapter = await createAdapter(awsConfigSchema.parse({ profile: 'audit', endpoint: fake.url, regions: ['us-east-1'], maxAttempts: 1 }), { log: silentLog, callTimeoutMs: 5_000 });
    const { discovery } = await runAdapter(adapter, { types: new Set(['aws.account.region']) });
    expect(discovery.failures).toEqual([]);
    expect(discovery.targets.map((t) => t.account)).toEqual(['111111111111']);
  });
});

describe('assumed-role credentials', () => {
  it('are cached, refreshed shortly before they expire, and refreshed once for concurrent callers', async () => {
    const state = organisation();
    fake = await FakeAws.start(state);
    useFakeCredentials();
    let now = Date.now();
    const api = new RateLimitedApi('aws', { rateLimits: FAST_LIMITS });
    const base = new AwsClients(clientSettings(awsConfigSchema.parse({ endpoint: fake.url, maxAttempts: 1 }), { callTimeoutMs: 5_000 }));
    const provider = assumedRoleCredentials(api, base, 'us-east-1', {
      roleArn: `arn:aws:iam::${MEMBER_OK}:role/DutyscanReadOnly`, externalId: 'ext-123', durationSeconds: 900,
    }, () => now);
    const [a, b] = await Promise.all([provider(), provider()]);
    expect(a.accessKeyId).toBe(b.accessKeyId);
    expect(fake.count('sts', 'AssumeRole')).toBe(1);
    now += 5 * 60_000; // 10 minutes left: still fresh
    expect((await provider()).accessKeyId).toBe(a.accessKeyId);
    expect(fake.count('sts', 'AssumeRole')).toBe(1);
    now += 6 * 60_000; // 4 minutes left: refresh
    const c = await provider();
    expect(c.accessKeyId).not.toBe(a.accessKeyId);
    expect(fake.count('sts', 'AssumeRole')).toBe(2);
    expect(fake.requests.filter((r) => r.operation === 'AssumeRole').every((r) => r.account === MANAGEMENT)).toBe(true);
    // Counted through the ApiCaller.
    expect(api.snapshot().calls.aws?.sts?.AssumeRole).toBe(2);
    base.destroy();
  });
});

describe('account selection and shards', () => {
  const org = awsConfigSchema.parse({}).organization;
  it('keeps active, included, not excluded accounts', () => {
    const accounts = [
      { Id: '000000000001', Status: 'ACTIVE' as const },
      { Id: '000000000002', Status: 'SUSPENDED' as const },
      { Id: '000000000003', State: 'PENDING_CLOSURE' as const },
      { Id: '000000000004', Status: 'ACTIVE' as const },
    ];
    expect(selectAccounts(accounts, org, undefined).map((a) => a.Id)).toEqual(['000000000001', '000000000004']);
    expect(selectAccounts(accounts, { ...org, includeAccounts: ['000000000004', '000000000002'] }, undefined).map((a) => a.Id)).toEqual(['000000000004']);
    expect(selectAccounts(accounts, { ...org, excludeAccounts: ['000000000001'] }, undefined).map((a) => a.Id)).toEqual(['000000000004']);
  });

  it('assigns every key to exactly one shard, the same one every time', () => {
    const keys = Array.from({ length: 500 }, (_, i) => String(100000000000 + i * 7919));
    const counts = [0, 0, 0, 0];
    for (const key of keys) {
      const owners = [0, 1, 2, 3].filter((index) => inShard(key, { index, count: 4 }));
      expect(owners).toEqual([shardOf(key, 4)]);
      counts[owners[0]!]!++;
    }
    // Roughly even: no shard gets less than half its share.
    for (const c of counts) expect(c).toBeGreaterThan(500 / 4 / 2);
    expect(inShard('123', undefined)).toBe(true);
    expect(() => inShard('123', { index: 4, count: 4 })).toThrow(RangeError);
  });
});

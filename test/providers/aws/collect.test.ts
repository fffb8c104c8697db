import { afterEach, describe, expect, it } from 'vitest';
import { GLOBAL_REGION } from '../../../src/core/resource.js';
import { credentialRow, ec2Region } from '../../fakes/aws/state.js';
import { adapterFor, ACCOUNT, FakeAws, find, items, richAccount, runAdapter, silentLog, singleAccountState } from './support.js';
import { answered } from '../../support/observed.js';

let fake: FakeAws | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

describe('AWS collectors through the real SDK clients', () => {
  it('collects every type from an account and maps the wire answers', async () => {
    fake = await FakeAws.start(singleAccountState());
    const { listings, discovery } = await runAdapter(await adapterFor(fake));
    expect(discovery.failures).toEqual([]);
    expect(discovery.targets.map((t) => t.account)).toEqual([ACCOUNT]);
    // af-south-1 is not opted in: no calls, no listings there.
    expect(discovery.targets[0]!.regions).toEqual(['ap-southeast-1', 'eu-central-1', 'eu-west-1', 'us-east-1']);
    expect(fake.requests.some((r) => r.region === 'af-south-1')).toBe(false);
    expect(listings.every((l) => l.items.ok)).toBe(true);

    const users = items(find(listings, 'aws.iam.user', GLOBAL_REGION));
    const alice = users.find((u) => u.name === 'alice')!;
    expect(alice.tags).toEqual({ team: 'ops' });
    expect(alice.data.credentials).toEqual(answered({ passwordEnabled: true, passwordLastUsed: '2026-11-01T10:00:00.000Z', passwordLastChanged: null, mfaActive: true, accessKeys: [] }));
    expect(alice.data.userPolicyList[0]!.policyDocument.statement[0]!.action).toEqual(['s3:*']);
    expect(alice.data.attachedManagedPolicies).toEqual([{ policyName: 'AdministratorAccess', policyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' }]);
    const bob = users.find((u) => u.name === 'bob,ci')!;
    expect(bob.data.credentials.ok && bob.data.credentials.value.accessKeys).toEqual([
      { slot: 1, active: true, lastRotated: '2025-01-01T00:00:00.000Z', lastUsedDate: '2026-11-20T00:00:00.000Z', lastUsedRegion: 'us-east-1', lastUsedService: 's3' },
    ]);
    const [root] = items(find(listings, 'aws.iam.root', GLOBAL_REGION));
    expect(root!.data).toMatchObject({ mfaActive: answered(true), virtualMfaAssigned: answered(true), accessKeysPresent: answered(false) });
    expect(root!.data.usage).toEqual(answered({ passwordLastUsed: '2026-10-01T00:00:00.000Z', accessKeys: [] }));
    const [role] = items(find(listings, 'aws.iam.role', GLOBAL_REGION));
    expect(role!.data.assumeRolePolicyDocument.statement[0]!.principal?.service).toEqual(['ec2.amazonaws.com']);
    expect(role!.data.roleLastUsed).toEqual({ lastUsedDate: '2026-11-01T00:00:00.000Z', region: 'eu-west-1' });
    const [policy] = items(find(listings, 'aws.iam.policy', GLOBAL_REGION));
    // The default version's document, URL-decoded (its resource holds a space: %20 on the wire).
    expect(policy!.data.document.statement[0]).toMatchObject({ action: ['s3:List*'], resource: ['arn:aws:s3:::x y'] });
    expect(policy!.data.awsManaged).toBe(false);
    const [group] = items(find(listings, 'aws.iam.group', GLOBAL_REGION));
    expect(group!.data.groupPolicyList[0]!.policyDocument.statement[0]!.action).toEqual(['*']);
    // "No password policy" is an answer.
    expect(items(find(listings, 'aws.iam.password-policy', GLOBAL_REGION))[0]!.data).toEqual({ policy: null });

    const [sg] = items(find(listings, 'aws.ec2.security-group', 'us-east-1'));
    expect(sg!.id).toBe(`arn:aws:ec2:us-east-1:${ACCOUNT}:security-group/sg-open`);
    expect(sg!.data.ipPermissions).toEqual([{ ipProtocol: 'tcp', fromPort: 22, toPort: 22, ipRanges: ['0.0.0.0/0'], ipv6Ranges: ['::/0'], prefixListIds: [], userIdGroupPairs: [] }]);
    const [instance] = items(find(listings, 'aws.ec2.instance', 'us-east-1'));
    expect(instance!.name).toBe('web');
    expect(instance!.data).toMatchObject({ publicIpAddress: '203.0.113.10', metadataOptions: { httpTokens: 'optional', httpEndpoint: 'enabled', httpPutResponseHopLimit: 2 }, securityGroupIds: ['sg-open'], volumeIds: ['vol-1'], state: 'running' });
    expect(items(find(listings, 'aws.ec2.volume', 'us-east-1'))[0]!.data).toMatchObject({ encrypted: false, attachments: [{ instanceId: 'i-1', device: '/dev/xvda', state: 'attached' }] });
    const snapshots = items(find(listings, 'aws.ec2.snapshot', 'us-east-1'));
    expect(Object.fromEntries(snapshots.map((s) => [s.data.snapshotId, s.data.publiclyRestorable]))).toEqual({
      'snap-public': answered(true), 'snap-private': answered(false),
    });
    expect(items(find(listings, 'aws.ec2.ebs-encryption-default', 'us-east-1'))[0]!.data).toEqual({ ebsEncryptionByDefault: true, kmsKeyId: answered('alias/aws/ebs') });
    expect(items(find(listings, 'aws.ec2.ebs-encryption-default', 'eu-west-1'))[0]!.data.ebsEncryptionByDefault).toBe(false);
    const vpcs = items(find(listings, 'aws.ec2.vpc', 'us-east-1'));
    expect(Object.fromEntries(vpcs.map((v) => [v.data.vpcId, v.data.flowLogs.ok ? v.data.flowLogs.value.length : 'error']))).toEqual({ 'vpc-1': 1, 'vpc-2': 0 });

    const buckets = items(find(listings, 'aws.s3.bucket', 'us-east-1'));
    expect(buckets.map((b) => b.name).sort()).toEqual(['bare-bucket', 'logs-bucket']);
    const logs = buckets.find((b) => b.name === 'logs-bucket')!;
    expect(logs.tags).toEqual({ owner: 'ops' });
    expect(logs.data).toMatchObject({
      encryption: answered({ sseAlgorithm: 'aws:kms', kmsMasterKeyId: 'arn:aws:kms:us-east-1:111111111111:key/k1', bucketKeyEnabled: true }),
      publicAccessBlock: answered({ blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: true, restrictPublicBuckets: true }),
      policyStatus: answered({ isPublic: false }),
      objectOwnership: answered('BucketOwnerEnforced'),
      // ACLs disabled: the ACL is not asked (it grants nothing), and null says so.
      aclGrants: answered(null),
      versioning: answered({ status: 'Enabled', mfaDelete: 'Disabled' }),
      logging: answered({ targetBucket: 'audit', targetPrefix: 'logs/' }),
    });
    // Each fact names its call and the request id S3 answered with, for CloudTrail.
    expect(logs.data.encryption.ok && logs.data.encryption.source).toMatchObject({ operation: 's3:GetBucketEncryption', requestId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    expect(logs.data.policy.ok && logs.data.policy.value?.statement[0]?.condition).toEqual({ Bool: { 'aws:SecureTransport': ['false'] } });
    // Every "not configured" answer is seen(null) (or the empty value), never an error.
    const bare = buckets.find((b) => b.name === 'bare-bucket')!;
    expect(bare.data).toMatchObject({
      encryption: answered(null), publicAccessBlock: answered(null), policy: answered(null),
      policyStatus: answered(null), objectOwnership: answered(null), logging: answered(null),
      tagging: answered({}), versioning: answered({ status: null, mfaDelete: null }),
      aclGrants: answered([{ granteeType: 'Group', granteeUri: 'http://acs.amazonaws.com/groups/global/AllUsers', granteeId: null, permission: 'READ' }]),
    });
    // No policy: the status is known without asking (AWS would answer NoSuchBucketPolicy).
    expect(fake.count('s3', 'GetBucketPolicyStatus')).toBe(1);
    // Three buckets, one of them (logs-bucket) with ACLs disabled: its ACL is not asked.
    expect(fake.count('s3', 'GetBucketAcl')).toBe(2);
    expect(items(find(listings, 'aws.s3.bucket', 'eu-west-1')).map((b) => b.name)).toEqual(['eu-bucket']);
    expect(items(find(listings, 'aws.s3.account-public-access-block', GLOBAL_REGION))[0]!.data).toEqual({ publicAccessBlock: null });

    expect(items(find(listings, 'aws.rds.instance', 'us-east-1'))[0]!.data).toMatchObject({ publiclyAccessible: true, storageEncrypted: false, backupRetentionPeriod: 0 });
    expect(items(find(listings, 'aws.rds.cluster', 'us-east-1'))[0]!.data).toMatchObject({ members: ['c1-a'], storageEncrypted: true });

    // The multi-region trail appears in every region; its status is read once, in its home region.
    for (const region of ['us-east-1', 'eu-west-1', 'ap-southeast-1']) {
      expect(items(find(listings, 'aws.cloudtrail.trail', region)).map((t) => t.name)).toContain('org-trail');
    }
    const euTrails = items(find(listings, 'aws.cloudtrail.trail', 'eu-west-1'));
    expect(euTrails.find((t) => t.name === 'org-trail')!.data).toMatchObject({
      homeRegion: 'us-east-1', isMultiRegionTrail: true, status: answered({ isLogging: true }),
      eventSelectors: answered({ managementEvents: { read: true, write: true }, s3ObjectDataEvents: { read: true, write: true } }),
    });
    expect(euTrails.find((t) => t.name === 'eu-only')!.data.eventSelectors).toEqual(answered({ managementEvents: { read: false, write: true }, s3ObjectDataEvents: { read: false, write: false } }));
    expect(fake.count('cloudtrail', 'GetTrailStatus')).toBe(2);

    const keys = items(find(listings, 'aws.kms.key', 'us-east-1'));
    expect(Object.fromEntries(keys.map((k) => [k.name, k.data.rotation]))).toEqual({
      'alias/data': answered({ keyRotationEnabled: false, rotationPeriodInDays: null }),
      'alias/aws/ebs': null,
      k3: null,
    });
    expect(fake.count('kms', 'GetKeyRotationStatus')).toBe(1);

    const [plan] = items(find(listings, 'aws.backup.plan', 'us-east-1'));
    expect(plan!.data.rules).toEqual(answered([{ ruleName: 'daily', targetBackupVaultName: 'Default', scheduleExpression: 'cron(0 5 ? * * *)', deleteAfterDays: 35, moveToColdStorageAfterDays: null }]));
    expect(plan!.data.selections.ok && plan!.data.selections.value[0]).toMatchObject({ selectionId: 'sel-1', resources: ['arn:aws:ec2:*:*:volume/*'], listOfTags: [{ conditionKey: 'backup' }] });
    expect(items(find(listings, 'aws.backup.protected-resource', 'us-east-1'))[0]!.data).toMatchObject({ resourceType: 'EBS', lastBackupTime: '2026-11-21T05:00:00.000Z' });

    expect(items(find(listings, 'aws.account.security-contact', GLOBAL_REGION))[0]!.data.contact).toMatchObject({ emailAddress: 'sec@example.com' });
    expect(items(find(listings, 'aws.account.region', 'eu-west-1'))[0]!.data).toEqual({ regionName: 'eu-west-1', optStatus: 'ENABLED_BY_DEFAULT' });
  });

  it('calls regional services only in the scanned regions (a shadow trail is read by ARN where it shows)', async () => {
    fake = await FakeAws.start(singleAccountState());
    const { listings } = await runAdapter(await adapterFor(fake, { regions: ['eu-west-1'] }));
    expect(listings.every((l) => l.items.ok)).toBe(true);
    const trail = items(find(listings, 'aws.cloudtrail.trail', 'eu-west-1')).find((t) => t.name === 'org-trail')!;
    expect(trail.data.homeRegion).toBe('us-east-1');
    expect(trail.data.status).toMatchObject(answered({ isLogging: true }));
    const regional = new Set(['ec2', 's3', 'rds', 'cloudtrail', 'kms', 'backup']);
    const outside = fake.requests.filter((r) => regional.has(r.service) && r.region !== 'eu-west-1' && r.operation !== 'DescribeRegions');
    expect(outside).toEqual([]);
  });

  it('asks the follow-up questions only where the list has something to ask about', async () => {
    fake = await FakeAws.start(singleAccountState());
    const { listings } = await runAdapter(await adapterFor(fake));
    expect(listings.filter((l) => !l.items.ok).map((l) => [l.type, l.scope.region, l.items.ok ? null : l.items.error.code])).toEqual([]);
    // Snapshots are only in us-east-1: the "restorable by all" list is asked there alone (own + public), once elsewhere (own).
    expect(fake.count('ec2', 'DescribeSnapshots', { region: 'us-east-1' })).toBe(2);
    expect(fake.count('ec2', 'DescribeSnapshots')).toBe(2 + 3);
    const snapshots = items(find(listings, 'aws.ec2.snapshot', 'us-east-1'));
    expect(snapshots.find((s) => s.name === 'snap-public')!.data.publiclyRestorable).toMatchObject(answered(true));
    expect(snapshots.find((s) => s.name === 'snap-private')!.data.publiclyRestorable).toMatchObject(answered(false));
    // Config recorders are in us-east-1 and eu-west-1: their status is asked there and nowhere else.
    expect(fake.requests.filter((r) => r.operation === 'DescribeConfigurationRecorderStatus').map((r) => r.region).sort()).toEqual(['eu-west-1', 'us-east-1']);
    expect(items(find(listings, 'aws.config.recorder', 'eu-west-1'))[0]!.data.status).toMatchObject(answered({ recording: false, lastErrorCode: 'AccessDenied' }));
    expect(items(find(listings, 'aws.config.recorder', 'ap-southeast-1'))).toEqual([]);
  });

  it('follows every paginator to the last page', async () => {
    const account = richAccount();
    const use1 = ec2Region(account, 'us-east-1');
    for (let i = 0; i < 23; i++) use1.securityGroups.push({ GroupId: `sg-${i}`, GroupName: `g${i}`, OwnerId: ACCOUNT });
    for (let i = 0; i < 12; i++) use1.volumes.push({ VolumeId: `vol-${i}`, Encrypted: i % 2 === 0 });
    for (let i = 0; i < 21; i++) use1.snapshots.push({ SnapshotId: `snap-${i}`, OwnerId: ACCOUNT });
    for (let i = 0; i < 25; i++) {
      account.iam.users.push({ UserName: `u${i}`, UserId: `AIDA${i}`, Arn: `arn:aws:iam::${ACCOUNT}:user/u${i}`, Path: '/', CreateDate: new Date() });
      account.iam.credentialReport.rows.push(credentialRow(`u${i}`, `arn:aws:iam::${ACCOUNT}:user/u${i}`));
    }
    for (let i = 0; i < 11; i++) {
      account.buckets.push({ name: `b-${i}`, region: 'us-east-1', creationDate: new Date(), encryption: null, publicAccessBlock: null, policy: null, grants: [], ownership: null, versioning: {}, logging: null, tags: null });
    }
    for (let i = 0; i < 12; i++) {
      account.kms['us-east-1']!.push({ metadata: { KeyId: `kx${i}`, Arn: `arn:aws:kms:us-east-1:${ACCOUNT}:key/kx${i}`, KeyManager: 'AWS', KeySpec: 'SYMMETRIC_DEFAULT' }, rotationEnabled: true, aliases: [`alias/x${i}`] });
    }
    for (let i = 0; i < 7; i++) {
      account.iam.virtualMfaDevices.unshift({ SerialNumber: `arn:aws:iam::${ACCOUNT}:mfa/u${i}`, User: { Arn: `arn:aws:iam::${ACCOUNT}:user/u${i}`, UserName: `u${i}`, UserId: `AIDA${i}`, Path: '/', CreateDate: new Date() } });
    }
    const state = singleAccountState(account);
    state.organization = { accounts: Array.from({ length: 12 }, (_, i) => ({ Id: String(200000000000 + i), Name: `m${i}`, Status: 'ACTIVE' })) };
    fake = await FakeAws.start(state);
    fake.pageCap = 5;
    const { listings } = await runAdapter(await adapterFor(fake, { regions: ['us-east-1'] }));
    expect(listings.every((l) => l.items.ok)).toBe(true);
    const count = (type: Parameters<typeof find>[1], region = 'us-east-1') => items(find(listings, type, region)).length;
    expect(count('aws.ec2.security-group')).toBe(24);
    expect(fake.count('ec2', 'DescribeSecurityGroups')).toBe(5);
    expect(count('aws.ec2.volume')).toBe(13);
    expect(count('aws.ec2.snapshot')).toBe(23);
    expect(count('aws.iam.user', GLOBAL_REGION)).toBe(27);
    // 27 users + 1 group + 1 role + 1 policy in pages of 5.
    expect(fake.count('iam', 'GetAccountAuthorizationDetails')).toBe(6);
    expect(items(find(listings, 'aws.iam.user', GLOBAL_REGION)).every((u) => u.data.credentials.ok)).toBe(true);
    expect(count('aws.s3.bucket')).toBe(13);
    expect(fake.count('s3', 'ListBuckets')).toBe(3);
    expect(count('aws.kms.key')).toBe(15);
    // Root's virtual MFA device is on the second page of assigned devices.
    expect(items(find(listings, 'aws.iam.root', GLOBAL_REGION))[0]!.data.virtualMfaAssigned).toEqual(answered(true));
    expect(fake.count('iam', 'ListVirtualMFADevices')).toBe(2);
    expect(items(find(listings, 'aws.kms.key', 'us-east-1')).find((k) => k.data.keyId === 'kx11')!.data.aliases).toEqual(['alias/x11']);
  });

  it('retries throttled calls and counts every retry', async () => {
    fake = await FakeAws.start(singleAccountState());
    fake.fault({ service: 'ec2', operation: 'DescribeSecurityGroups', region: 'us-east-1', code: 'RequestLimitExceeded', status: 503, times: 2 });
    fake.fault({ service: 's3', operation: 'GetBucketVersioning', code: 'SlowDown', status: 503, times: 1 });
    const { listings, api } = await runAdapter(await adapterFor(fake, { regions: ['us-east-1'], maxAttempts: 4 }),
      { types: new Set(['aws.ec2.security-group', 'aws.s3.bucket']) });
    expect(items(find(listings, 'aws.ec2.security-group', 'us-east-1'))).toHaveLength(1);
    expect(items(find(listings, 'aws.s3.bucket', 'us-east-1')).every((b) => b.data.versioning.ok)).toBe(true);
    expect(fake.count('ec2', 'DescribeSecurityGroups')).toBe(3);
    const stats = api.snapshot();
    expect(stats.retries).toEqual({ 'aws/ec2/RequestLimitExceeded': 2, 'aws/s3/SlowDown': 1 });
    // The ApiCaller counts one call per SDK call, whatever the retries.
    expect(stats.calls.aws?.ec2?.DescribeSecurityGroups).toBe(1);
  }, 30_000);

  it('reports THROTTLED when the retries run out, for that fact only', async () => {
    fake = await FakeAws.start(singleAccountState());
    fake.fault({ service: 's3', operation: 'GetBucketEncryption', code: 'SlowDown', status: 503 });
    // Standard mode: adaptive mode's client-side rate limiter would slow this test, not change it.
    const { listings, api } = await runAdapter(await adapterFor(fake, { regions: ['us-east-1'], maxAttempts: 2, retryMode: 'standard' }), { types: new Set(['aws.s3.bucket']) });
    const buckets = items(find(listings, 'aws.s3.bucket', 'us-east-1'));
    for (const b of buckets) {
      expect(b.data.encryption).toMatchObject({ ok: false, error: { code: 'THROTTLED', operation: 's3:GetBucketEncryption', account: ACCOUNT, region: 'us-east-1' } });
      expect(b.data.versioning.ok).toBe(true);
    }
    expect(api.snapshot().retries['aws/s3/SlowDown']).toBe(buckets.length);
  }, 30_000);

  it('turns AccessDenied on one service in one region into error listings exactly there', async () => {
    fake = await FakeAws.start(singleAccountState());
    fake.fault({ service: 'ec2', operation: 'DescribeVolumes', region: 'eu-west-1', code: 'UnauthorizedOperation', status: 403 });
    fake.fault({ service: 'kms', region: 'us-east-1', code: 'AccessDeniedException', status: 400 });
    fake.fault({ service: 'backup', operation: 'ListProtectedResources', region: 'us-east-1', code: 'AccessDeniedException', status: 403 });
    fake.fault({ service: 'iam', operation: 'GetAccountAuthorizationDetails', code: 'AccessDenied', status: 403 });
    const { listings } = await runAdapter(await adapterFor(fake));
    const failed = listings.filter((l) => !l.items.ok).map((l) => {
      const e = !l.items.ok ? l.items.error : undefined;
      return `${l.type}@${l.scope.region} ${e?.code} ${e?.operation}`;
    }).sort();
    expect(failed).toEqual([
      'aws.backup.protected-resource@us-east-1 ACCESS_DENIED backup:ListProtectedResources',
      'aws.ec2.volume@eu-west-1 ACCESS_DENIED ec2:DescribeVolumes',
      'aws.iam.group@global ACCESS_DENIED iam:GetAccountAuthorizationDetails',
      'aws.iam.policy@global ACCESS_DENIED iam:GetAccountAuthorizationDetails',
      'aws.iam.role@global ACCESS_DENIED iam:GetAccountAuthorizationDetails',
      'aws.iam.user@global ACCESS_DENIED iam:GetAccountAuthorizationDetails',
      'aws.kms.key@us-east-1 ACCESS_DENIED kms:ListKeys',
    ]);
    const error = find(listings, 'aws.ec2.volume', 'eu-west-1').items;
    expect(!error.ok && error.error).toMatchObject({ provider: 'aws', account: ACCOUNT, region: 'eu-west-1' });
    expect(!error.ok && error.error.message).toContain('grant ec2:DescribeVolumes');
    // Root facts do not depend on GAAD.
    expect(items(find(listings, 'aws.iam.root', GLOBAL_REGION))[0]!.data.mfaActive).toEqual(answered(true));
  }, 30_000);

  it('gives up on a stalled call after the per-call timeout, as TIMEOUT', async () => {
    fake = await FakeAws.start(singleAccountState());
    const adapter = await adapterFor(fake, { regions: ['us-east-1'] }, { callTimeoutMs: 300 });
    fake.latencyMs = 1_000;
    const started = Date.now();
    const { listings, discovery } = await runAdapter(adapter, { types: new Set(['aws.ec2.volume']) });
    expect(discovery.failures[0]?.error).toMatchObject({ code: 'TIMEOUT', operation: 'sts:GetCallerIdentity' });
    // Discovery itself timed out (DescribeRegions is also slow): nothing listed, quickly.
    expect(listings).toEqual([]);
    fake.latencyMs = 0;
    const discovered = await runAdapter(adapter, { types: new Set(['aws.ec2.volume', 'aws.ec2.vpc']) });
    expect(discovered.discovery.targets).toHaveLength(1);
    fake.latencyMs = 1_000;
    const target = discovered.discovery.targets[0]!;
    const [task] = adapter.tasks(target, new Set(['aws.ec2.volume']));
    const out = await task!.run({ api: discovered.api, signal: new AbortController().signal, log: silentLog });
    expect(out[0]!.items).toMatchObject({ ok: false, error: { code: 'TIMEOUT', operation: 'ec2:DescribeVolumes' } });
    expect(Date.now() - started).toBeLessThan(2_500);
  });

  it('bounds a call with its retries by the call budget (an endpoint answering 500 forever)', async () => {
    fake = await FakeAws.start(singleAccountState());
    const adapter = await adapterFor(fake, { regions: ['us-east-1'], maxAttempts: 20, retryMode: 'standard' }, { callTimeoutMs: 1_000 });
    const { discovery, api } = await runAdapter(adapter, { types: new Set() });
    fake.fault({ service: 'ec2', operation: 'DescribeVolumes', code: 'InternalError', status: 500 });
    const started = Date.now();
    const [task] = adapter.tasks(discovery.targets[0]!, new Set(['aws.ec2.volume']));
    const out = await task!.run({ api, signal: new AbortController().signal, log: silentLog });
    expect(out[0]!.items).toMatchObject({ ok: false, error: { code: 'TIMEOUT', operation: 'ec2:DescribeVolumes' } });
    expect(Date.now() - started).toBeLessThan(4_000);
    expect(fake.count('ec2', 'DescribeVolumes')).toBeLessThan(20);
    // Every attempt after the first is a counted retry (the last may have been cut short by the budget).
    const retries = api.snapshot().retries['aws/ec2/InternalError'] ?? 0;
    expect(retries).toBeGreaterThanOrEqual(fake.count('ec2', 'DescribeVolumes') - 1);
    expect(retries).toBeLessThanOrEqual(fake.count('ec2', 'DescribeVolumes'));
  }, 10_000);

  it('keeps a failed per-resource fact on that resource, and 500s as UNAVAILABLE', async () => {
    fake = await FakeAws.start(singleAccountState());
    fake.fault({ service: 's3', operation: 'GetBucketPolicy', region: 'us-east-1', code: 'AccessDenied', status: 403 });
    fake.fault({ service: 'cloudtrail', operation: 'GetTrailStatus', code: 'InternalFailure', status: 500 });
    fake.fault({ service: 'ec2', operation: 'DescribeFlowLogs', code: 'UnauthorizedOperation', status: 403 });
    const { listings } = await runAdapter(await adapterFor(fake, { regions: ['us-east-1'] }),
      { types: new Set(['aws.s3.bucket', 'aws.cloudtrail.trail', 'aws.ec2.vpc']) });
    for (const b of items(find(listings, 'aws.s3.bucket', 'us-east-1'))) {
      expect(b.data.policy).toMatchObject({ ok: false, error: { code: 'ACCESS_DENIED', operation: 's3:GetBucketPolicy' } });
      expect(b.data.encryption.ok).toBe(true);
    }
    // Unknown policy: the status is asked for, not inferred.
    expect(fake.count('s3', 'GetBucketPolicyStatus')).toBe(2);
    for (const t of items(find(listings, 'aws.cloudtrail.trail', 'us-east-1'))) {
      expect(t.data.status).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE', operation: 'cloudtrail:GetTrailStatus' } });
    }
    for (const v of items(find(listings, 'aws.ec2.vpc', 'us-east-1'))) {
      expect(v.data.flowLogs).toMatchObject({ ok: false, error: { code: 'ACCESS_DENIED', operation: 'ec2:DescribeFlowLogs' } });
    }
  }, 30_000);
});

describe('unreadable answers', () => {
  it('are INVALID_RESPONSE for the fact or listing they feed, never a guess', async () => {
    const account = richAccount();
    account.buckets[0]!.policy = { text: '{"Statement": [{"Effect": "Maybe"}]}', isPublic: false };
    account.iam.roles[0]!.AssumeRolePolicyDocument = 'not json';
    fake = await FakeAws.start(singleAccountState(account));
    const { listings } = await runAdapter(await adapterFor(fake, { regions: ['us-east-1'] }), { types: new Set(['aws.s3.bucket', 'aws.iam.role', 'aws.iam.user']) });
    const bucket = items(find(listings, 'aws.s3.bucket', 'us-east-1')).find((b) => b.name === account.buckets[0]!.name)!;
    expect(bucket.data.policy).toMatchObject({ ok: false, error: { code: 'INVALID_RESPONSE', operation: 's3:GetBucketPolicy' } });
    expect(bucket.data.encryption.ok).toBe(true);
    expect(find(listings, 'aws.iam.role', GLOBAL_REGION).items).toMatchObject({ ok: false, error: { code: 'INVALID_RESPONSE', operation: 'iam:GetAccountAuthorizationDetails' } });
    expect(items(find(listings, 'aws.iam.user', GLOBAL_REGION))).toHaveLength(2);
  });
});

describe('IAM credential report', () => {
  it('polls while the report is being generated and waits out LimitExceeded', async () => {
    const account = richAccount();
    account.iam.credentialReport.pollsUntilReady = 3;
    account.iam.credentialReport.limitExceeded = 1;
    fake = await FakeAws.start(singleAccountState(account));
    // LimitExceeded counts as throttling: adaptive mode would slow the client, standard mode keeps the test short.
    const { listings } = await runAdapter(await adapterFor(fake, { regions: ['us-east-1'], retryMode: 'standard' }), { types: new Set(['aws.iam.user', 'aws.iam.root']) });
    expect(fake.count('iam', 'GenerateCredentialReport')).toBe(2);
    expect(fake.count('iam', 'GetCredentialReport')).toBe(4);
    expect(items(find(listings, 'aws.iam.user', GLOBAL_REGION)).every((u) => u.data.credentials.ok)).toBe(true);
  });

  it('gives TIMEOUT when the report is never ready, and keeps GAAD facts', async () => {
    const account = richAccount();
    account.iam.credentialReport.pollsUntilReady = 1_000;
    fake = await FakeAws.start(singleAccountState(account));
    const { listings } = await runAdapter(await adapterFor(fake, { regions: ['us-east-1'], credentialReportWaitMs: 150 }), { types: new Set(['aws.iam.user', 'aws.iam.root']) });
    const users = items(find(listings, 'aws.iam.user', GLOBAL_REGION));
    expect(users).toHaveLength(2);
    for (const u of users) expect(u.data.credentials).toMatchObject({ ok: false, error: { code: 'TIMEOUT', operation: 'iam:GetCredentialReport' } });
    const root = items(find(listings, 'aws.iam.root', GLOBAL_REGION))[0]!.data;
    expect(root.usage).toMatchObject({ ok: false, error: { code: 'TIMEOUT' } });
    expect(root.mfaActive).toEqual(answered(true)); // from GetAccountSummary
  });

  it('takes root facts from GetAccountSummary when the report has no <root_account> row', async () => {
    const account = richAccount();
    account.iam.credentialReport.includeRoot = false;
    account.iam.summary = { AccountMFAEnabled: 0, AccountAccessKeysPresent: 1 };
    fake = await FakeAws.start(singleAccountState(account));
    const { listings } = await runAdapter(await adapterFor(fake, { regions: ['us-east-1'] }), { types: new Set(['aws.iam.root']) });
    const root = items(find(listings, 'aws.iam.root', GLOBAL_REGION))[0]!.data;
    expect(root.mfaActive).toEqual(answered(false));
    expect(root.accessKeysPresent).toEqual(answered(true));
    expect(root.usage).toMatchObject({ ok: false, error: { code: 'INVALID_RESPONSE', operation: 'iam:GetCredentialReport' } });
  });

  it('never assumes root facts when both sources fail', async () => {
    const account = richAccount();
    account.iam.credentialReport.includeRoot = false;
    fake = await FakeAws.start(singleAccountState(account));
    fake.fault({ service: 'iam', operation: 'GetAccountSummary', code: 'AccessDenied', status: 403 });
    const { listings } = await runAdapter(await adapterFor(fake, { regions: ['us-east-1'] }), { types: new Set(['aws.iam.root']) });
    const root = items(find(listings, 'aws.iam.root', GLOBAL_REGION))[0]!.data;
    expect(root.mfaActive).toMatchObject({ ok: false, error: { code: 'ACCESS_DENIED', operation: 'iam:GetAccountSummary' } });
    expect(root.accessKeysPresent).toMatchObject({ ok: false, error: { code: 'ACCESS_DENIED' } });
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import type { ResourceType } from '../../../src/core/resource.js';
import { ec2Region } from '../../fakes/aws/state.js';
import { adapterFor, ACCOUNT, FakeAws, find, items, richAccount, runAdapter, singleAccountState } from './support.js';
import { answered } from '../../support/observed.js';

/** GuardDuty, Access Analyzer, Config, EFS, CloudWatch Logs and network ACLs through the real SDK clients. */

const COVERAGE_TYPES = new Set<ResourceType>([
  'aws.guardduty.detector', 'aws.accessanalyzer.analyzer', 'aws.config.recorder', 'aws.efs.file-system', 'aws.ec2.network-acl', 'aws.logs.log-group',
]);

let fake: FakeAws | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

describe('AWS coverage collectors through the real SDK clients', () => {
  it('maps each service wire answer, per region, with one list call per region and type', async () => {
    fake = await FakeAws.start(singleAccountState());
    const { listings } = await runAdapter(await adapterFor(fake, { regions: ['us-east-1', 'eu-west-1'] }), { types: COVERAGE_TYPES });
    expect(listings.every((l) => l.items.ok)).toBe(true);
    expect(listings).toHaveLength(12);

    const [enabled] = items(find(listings, 'aws.guardduty.detector', 'us-east-1'));
    expect(enabled).toMatchObject({ id: `arn:aws:guardduty:us-east-1:${ACCOUNT}:detector/det-use1`, name: 'det-use1' });
    expect(enabled!.data.detail).toEqual(answered({ status: 'ENABLED', findingPublishingFrequency: 'SIX_HOURS', updatedAt: '2026-01-01T00:00:00.000Z' }));
    expect(items(find(listings, 'aws.guardduty.detector', 'eu-west-1'))[0]!.data.detail).toMatchObject(answered({ status: 'DISABLED', findingPublishingFrequency: null }));

    const analyzers = items(find(listings, 'aws.accessanalyzer.analyzer', 'us-east-1'));
    expect(analyzers.map((a) => a.data)).toEqual([
      { arn: `arn:aws:access-analyzer:us-east-1:${ACCOUNT}:analyzer/external`, name: 'external', type: 'ACCOUNT', status: 'ACTIVE', statusReason: null, createdAt: '2025-01-01T00:00:00.000Z' },
      { arn: `arn:aws:access-analyzer:us-east-1:${ACCOUNT}:analyzer/unused`, name: 'unused', type: 'ACCOUNT_UNUSED_ACCESS', status: 'DISABLED', statusReason: 'AWS_SERVICE_ACCESS_DISABLED', createdAt: '2025-01-01T00:00:00.000Z' },
    ]);
    expect(analyzers[0]!.tags).toEqual({ owner: 'security' });
    expect(items(find(listings, 'aws.accessanalyzer.analyzer', 'eu-west-1'))).toEqual([]);

    const [recorder] = items(find(listings, 'aws.config.recorder', 'us-east-1'));
    expect(recorder!.data).toEqual({
      name: 'default', arn: `arn:aws:config:us-east-1:${ACCOUNT}:configuration-recorder/default/abc`, roleArn: `arn:aws:iam::${ACCOUNT}:role/config`, servicePrincipal: null,
      recordingGroup: { allSupported: true, includeGlobalResourceTypes: true, recordingStrategy: 'ALL_SUPPORTED_RESOURCE_TYPES', resourceTypes: [], excludedResourceTypes: [] },
      status: answered({ recording: true, lastStatus: 'Success', lastErrorCode: null }),
    });
    const [partial] = items(find(listings, 'aws.config.recorder', 'eu-west-1'));
    expect(partial!.id).toBe(`arn:aws:config:eu-west-1:${ACCOUNT}:configuration-recorder/partial`);
    expect(partial!.data.recordingGroup.resourceTypes).toEqual(['AWS::EC2::Instance']);
    expect(partial!.data.status).toEqual(answered({ recording: false, lastStatus: 'Failure', lastErrorCode: 'AccessDenied' }));

    const fileSystems = items(find(listings, 'aws.efs.file-system', 'us-east-1'));
    expect(fileSystems.map((f) => [f.name, f.data.encrypted, f.data.kmsKeyId, f.tags])).toEqual([
      ['shared', true, `arn:aws:kms:us-east-1:${ACCOUNT}:key/k1`, { Name: 'shared', owner: 'ops' }],
      ['fs-plain', false, null, {}],
    ]);
    expect(fileSystems[1]!.id).toBe(`arn:aws:elasticfilesystem:us-east-1:${ACCOUNT}:file-system/fs-plain`);
    expect(fileSystems[0]!.data).toMatchObject({ lifeCycleState: 'available', numberOfMountTargets: 2, creationTime: '2025-01-01T00:00:00.000Z' });

    const groups = items(find(listings, 'aws.logs.log-group', 'us-east-1'));
    expect(groups.map((g) => [g.id, g.data.retentionInDays])).toEqual([
      [`arn:aws:logs:us-east-1:${ACCOUNT}:log-group:/aws/lambda/api`, 30],
      [`arn:aws:logs:us-east-1:${ACCOUNT}:log-group:cloudtrail`, null],
    ]);
    expect(groups[0]!.data.creationTime).toBe('2025-01-01T00:00:00.000Z');

    const acls = items(find(listings, 'aws.ec2.network-acl', 'us-east-1'));
    expect(acls.map((a) => [a.name, a.data.isDefault, a.data.subnetIds])).toEqual([['acl-default', true, ['subnet-1']], ['web', false, []]]);
    expect(acls[0]!.data.entries[1]).toEqual({ ruleNumber: 101, protocol: '-1', ruleAction: 'allow', egress: false, cidrBlock: null, ipv6CidrBlock: '::/0', portRange: null });
    expect(acls[1]!.data.entries[0]).toMatchObject({ protocol: '6', ruleAction: 'deny', portRange: { from: 22, to: 22 } });

    for (const op of ['ListDetectors', 'GetDetector']) expect(fake.count('guardduty', op)).toBe(2);
    expect(fake.count('access-analyzer', 'ListAnalyzers')).toBe(2);
    expect(fake.count('config', 'DescribeConfigurationRecorders')).toBe(2);
    expect(fake.count('config', 'DescribeConfigurationRecorderStatus')).toBe(2);
    expect(fake.count('elasticfilesystem', 'DescribeFileSystems')).toBe(2);
    expect(fake.count('logs', 'DescribeLogGroups')).toBe(2);
    expect(fake.count('ec2', 'DescribeNetworkAcls')).toBe(2);
  });

  it('counts the network interfaces using each security group with one bulk call; its failure leaves only the counts unknown', async () => {
    const account = richAccount();
    ec2Region(account, 'eu-west-1').securityGroups.push({ GroupId: 'sg-eu', GroupName: 'eu', Description: 'eu', VpcId: 'vpc-9', OwnerId: ACCOUNT, IpPermissions: [], IpPermissionsEgress: [] });
    fake = await FakeAws.start(singleAccountState(account));
    fake.fault({ service: 'ec2', operation: 'DescribeNetworkInterfaces', region: 'eu-west-1', code: 'UnauthorizedOperation', status: 403 });
    const types = new Set<ResourceType>(['aws.ec2.security-group']);
    const { listings } = await runAdapter(await adapterFor(fake, { regions: ['us-east-1', 'eu-west-1'] }), { types });
    expect(items(find(listings, 'aws.ec2.security-group', 'us-east-1')).map((g) => [g.data.groupId, g.data.networkInterfaceCount])).toEqual([['sg-open', answered(2)]]);
    const [eu] = items(find(listings, 'aws.ec2.security-group', 'eu-west-1'));
    expect(eu!.data.networkInterfaceCount).toMatchObject({ ok: false, error: { code: 'ACCESS_DENIED', operation: 'ec2:DescribeNetworkInterfaces' } });
    expect(fake.count('ec2', 'DescribeNetworkInterfaces')).toBe(2);
  });

  it('reads Object Lock only for buckets matching policy.criticalResources; "not found" is the answer none', async () => {
    fake = await FakeAws.start(singleAccountState());
    fake.fault({ service: 's3', operation: 'GetObjectLockConfiguration', region: 'eu-west-1', code: 'AccessDenied', status: 403 });
    const types = new Set<ResourceType>(['aws.s3.bucket']);
    const critical = ['logs-*', 'bare-bucket', 'arn:aws:s3:::eu-*'];
    const { listings } = await runAdapter(await adapterFor(fake, { regions: ['us-east-1', 'eu-west-1'] }, { criticalResources: critical }), { types });
    const locks = Object.fromEntries(['us-east-1', 'eu-west-1'].flatMap((r) => items(find(listings, 'aws.s3.bucket', r))).map((b) => [b.name, b.data.objectLock]));
    expect(locks['logs-bucket']).toEqual(answered({ enabled: true, defaultRetention: { mode: 'GOVERNANCE', days: 30, years: null } }));
    expect(locks['bare-bucket']).toEqual(answered(null));
    expect(locks['eu-bucket']).toMatchObject({ ok: false, error: { code: 'ACCESS_DENIED', operation: 's3:GetObjectLockConfiguration' } });
    expect(fake.count('s3', 'GetObjectLockConfiguration')).toBe(3);

    await fake.close();
    fake = await FakeAws.start(singleAccountState());
    const plain = await runAdapter(await adapterFor(fake, { regions: ['us-east-1'] }), { types });
    expect(items(find(plain.listings, 'aws.s3.bucket', 'us-east-1')).map((b) => b.data.objectLock)).toEqual([null, null]);
    expect(fake.count('s3', 'GetObjectLockConfiguration')).toBe(0);
  });

  it('follows every paginator to the last page', async () => {
    const account = richAccount();
    const region = 'us-east-1';
    for (let i = 0; i < 5; i++) {
      account.accessAnalyzers![region]!.push({ arn: `arn:aws:access-analyzer:${region}:${ACCOUNT}:analyzer/a${i}`, name: `a${i}`, type: 'ACCOUNT', status: 'ACTIVE', createdAt: new Date() });
      account.efs![region]!.push({ FileSystemId: `fs-${i}`, OwnerId: ACCOUNT, CreationToken: `t${i}`, CreationTime: new Date(), LifeCycleState: 'available', NumberOfMountTargets: 0, SizeInBytes: { Value: 0 }, PerformanceMode: 'generalPurpose', Encrypted: true, Tags: [] });
      account.logGroups![region]!.push({ logGroupName: `g${i}`, retentionInDays: 7 });
      account.ec2[region]!.networkAcls!.push({ NetworkAclId: `acl-${i}`, VpcId: 'vpc-1', IsDefault: false, Entries: [] });
      account.guardduty![region]![`det-x${i}`] = { Status: 'ENABLED', ServiceRole: 'r' };
    }
    fake = await FakeAws.start(singleAccountState(account));
    fake.pageCap = 2;
    const { listings } = await runAdapter(await adapterFor(fake, { regions: [region] }), { types: COVERAGE_TYPES });
    const count = (type: ResourceType) => items(find(listings, type, region)).length;
    expect([count('aws.guardduty.detector'), count('aws.accessanalyzer.analyzer'), count('aws.efs.file-system'), count('aws.logs.log-group'), count('aws.ec2.network-acl')])
      .toEqual([6, 7, 7, 7, 7]);
    expect(fake.count('logs', 'DescribeLogGroups')).toBe(4);
    expect(fake.count('elasticfilesystem', 'DescribeFileSystems')).toBe(4);
  });

  it('a denied list call fails that listing alone; a denied GetDetector or recorder status is an unknown fact, not a listing error', async () => {
    fake = await FakeAws.start(singleAccountState());
    fake.fault({ service: 'access-analyzer', region: 'us-east-1', code: 'AccessDeniedException', status: 403 });
    fake.fault({ service: 'elasticfilesystem', region: 'eu-west-1', code: 'AccessDeniedException', status: 403 });
    fake.fault({ service: 'logs', region: 'us-east-1', code: 'AccessDeniedException', status: 400 });
    fake.fault({ service: 'ec2', operation: 'DescribeNetworkAcls', region: 'us-east-1', code: 'UnauthorizedOperation', status: 403 });
    fake.fault({ service: 'guardduty', operation: 'GetDetector', region: 'us-east-1', code: 'AccessDeniedException', status: 403 });
    fake.fault({ service: 'config', operation: 'DescribeConfigurationRecorderStatus', region: 'us-east-1', code: 'AccessDeniedException', status: 400 });
    const { listings } = await runAdapter(await adapterFor(fake, { regions: ['us-east-1', 'eu-west-1'] }), { types: COVERAGE_TYPES });
    const failed = listings.filter((l) => !l.items.ok).map((l) => `${l.type}@${l.scope.region} ${!l.items.ok ? `${l.items.error.code} ${l.items.error.operation}` : ''}`).sort();
    expect(failed).toEqual([
      'aws.accessanalyzer.analyzer@us-east-1 ACCESS_DENIED access-analyzer:ListAnalyzers',
      'aws.ec2.network-acl@us-east-1 ACCESS_DENIED ec2:DescribeNetworkAcls',
      'aws.efs.file-system@eu-west-1 ACCESS_DENIED elasticfilesystem:DescribeFileSystems',
      'aws.logs.log-group@us-east-1 ACCESS_DENIED logs:DescribeLogGroups',
    ]);
    const denied = find(listings, 'aws.logs.log-group', 'us-east-1').items;
    expect(!denied.ok && denied.error.message).toContain('grant logs:DescribeLogGroups');
    const [detector] = items(find(listings, 'aws.guardduty.detector', 'us-east-1'));
    expect(detector!.data.detail).toMatchObject({ ok: false, error: { code: 'ACCESS_DENIED', operation: 'guardduty:GetDetector', region: 'us-east-1' } });
    const [recorder] = items(find(listings, 'aws.config.recorder', 'us-east-1'));
    expect(recorder!.data.status).toMatchObject({ ok: false, error: { code: 'ACCESS_DENIED', operation: 'config:DescribeConfigurationRecorderStatus' } });
    expect(recorder!.data.recordingGroup.allSupported).toBe(true);
  });
});

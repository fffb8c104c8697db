import { afterEach, describe, expect, it } from 'vitest';
import type { ResourceType } from '../../../src/core/resource.js';
import { adapterFor, ACCOUNT, FakeAws, find, items, richAccount, runAdapter, singleAccountState } from './support.js';
import { answered } from '../../support/observed.js';

/** The data services (issue 13) through the real SDK clients and the wire fake: one pass, every type. */

const DATA_TYPES = new Set<ResourceType>([
  'aws.dynamodb.table', 'aws.rds.db-snapshot', 'aws.rds.cluster-snapshot', 'aws.elasticache.replication-group',
  'aws.memorydb.cluster', 'aws.redshift.cluster', 'aws.opensearch.domain', 'aws.fsx.file-system',
]);
const R = 'us-east-1';
const arn = (service: string, path: string) => `arn:aws:${service}:${R}:${ACCOUNT}:${path}`;

let fake: FakeAws | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

describe('AWS data-service collectors through the real SDK clients', () => {
  it('maps each wire answer, with the per-resource reads only where no list carries the field', async () => {
    const account = richAccount();
    // An access policy that is not JSON: unknown for its domain alone.
    account.data![R]!.opensearch!.push({ DomainName: 'garbled', DomainId: `${ACCOUNT}/garbled`, ARN: arn('es', 'domain/garbled'), ClusterConfig: {}, AccessPolicies: '{"Statement": ' });
    fake = await FakeAws.start(singleAccountState(account));
    fake.pageCap = 1;
    const { listings } = await runAdapter(await adapterFor(fake, { regions: [R, 'eu-west-1'] }), { types: DATA_TYPES });
    expect(listings.filter((l) => !l.items.ok)).toEqual([]);
    expect(listings).toHaveLength(16);

    const tables = items(find(listings, 'aws.dynamodb.table', R));
    expect(tables.map((t) => [t.name, t.data.encryption, t.data.deletionProtectionEnabled])).toEqual([
      ['orders', { sseType: 'KMS', kmsKeyArn: arn('kms', 'key/k1') }, true],
      ['scratch', { sseType: null, kmsKeyArn: null }, false],
    ]);
    expect(tables[0]!.data.pointInTimeRecovery).toEqual(answered({ enabled: true, recoveryPeriodInDays: 35 }));
    expect(tables[1]!.data.pointInTimeRecovery).toEqual(answered({ enabled: false, recoveryPeriodInDays: null }));
    // Tags come one per page here: NextToken is followed.
    expect(tables[0]!.data.tagging).toEqual(answered({ owner: 'shop', env: 'prod' }));
    expect(tables[0]!.tags).toEqual({ owner: 'shop', env: 'prod' });

    const [manual, automated] = items(find(listings, 'aws.rds.db-snapshot', R));
    expect(manual!.data).toMatchObject({ snapshotIdentifier: 'db-manual', snapshotType: 'manual', encrypted: false, kmsKeyId: null, restorers: answered(['all']) });
    expect(manual!.tags).toEqual({ owner: 'ops' });
    expect(automated!.data).toMatchObject({ snapshotType: 'automated', encrypted: true, restorers: null });
    expect(items(find(listings, 'aws.rds.cluster-snapshot', R))[0]!.data).toMatchObject({ encrypted: true, restorers: answered(['222233334444']) });
    // The restore attribute is read for manual snapshots only.
    expect(fake.count('rds', 'DescribeDBSnapshotAttributes')).toBe(1);
    expect(fake.count('rds', 'DescribeDBClusterSnapshotAttributes')).toBe(1);

    expect(items(find(listings, 'aws.elasticache.replication-group', R)).map((g) => [g.name, g.data.atRestEncryptionEnabled, g.data.transitEncryptionMode, g.data.snapshotRetentionLimit]))
      .toEqual([['sessions', true, 'required', 5], ['plain', false, null, 0]]);
    expect(items(find(listings, 'aws.memorydb.cluster', R))[0]!.data).toEqual({
      name: 'tokens', arn: arn('memorydb', 'cluster/tokens'), status: 'available', tlsEnabled: true, kmsKeyId: arn('kms', 'key/k1'), snapshotRetentionLimit: 7,
    });

    const [dwh, open] = items(find(listings, 'aws.redshift.cluster', R));
    expect(dwh!.id).toBe(arn('redshift', 'cluster:dwh'));
    expect(dwh!.tags).toEqual({ owner: 'bi' });
    expect(dwh!.data.logging).toEqual(answered({ loggingEnabled: true, logDestinationType: 'cloudwatch', bucketName: null, logExports: ['connectionlog', 'userlog'] }));
    expect(open!.data).toMatchObject({ encrypted: false, publiclyAccessible: true, automatedSnapshotRetentionPeriod: 1, logging: answered({ loggingEnabled: false }) });

    const domains = items(find(listings, 'aws.opensearch.domain', R));
    expect(domains.map((d) => d.name).sort()).toEqual(['garbled', 'logs-a', 'logs-b', 'logs-c', 'logs-d', 'logs-e', 'search']);
    expect(domains.find((d) => d.name === 'search')!.data).toMatchObject({
      encryptionAtRest: true, nodeToNodeEncryption: true, enforceHttps: true, tlsSecurityPolicy: 'Policy-Min-TLS-1-2-2019-07', vpcId: 'vpc-1',
      auditLogsEnabled: true, fineGrainedAccessControl: true, accessPolicy: answered(null),
    });
    const logsA = domains.find((d) => d.name === 'logs-a')!.data;
    expect(logsA).toMatchObject({ encryptionAtRest: false, enforceHttps: false, vpcId: null });
    expect(logsA.accessPolicy.ok && logsA.accessPolicy.value?.statement[0]?.principal?.aws).toEqual(['*']);
    // An unreadable policy is unknown for its domain alone.
    expect(domains.find((d) => d.name === 'garbled')!.data.accessPolicy).toMatchObject({ ok: false, error: { code: 'INVALID_RESPONSE', operation: 'es:DescribeDomains' } });
    // Seven domains: two DescribeDomains calls of at most five names.
    expect(fake.count('es', 'DescribeDomains', { region: R })).toBe(2);

    expect(items(find(listings, 'aws.fsx.file-system', R)).map((f) => [f.name, f.data.fileSystemType, f.data.automaticBackupRetentionDays, f.data.deploymentType])).toEqual([
      ['shares', 'WINDOWS', 30, 'MULTI_AZ_1'], ['fs-scratch', 'LUSTRE', null, 'SCRATCH_2'], ['fs-zfs', 'OPENZFS', 0, null],
    ]);
    expect(items(find(listings, 'aws.fsx.file-system', 'eu-west-1'))).toEqual([]);
  });

  it('a denied per-resource read is unknown for that resource only; a denied listing fails its type and scope only', async () => {
    fake = await FakeAws.start(singleAccountState());
    fake.fault({ service: 'redshift', operation: 'DescribeLoggingStatus', code: 'AccessDenied', status: 403 })
      .fault({ service: 'dynamodb', operation: 'ListTables', region: 'eu-west-1', code: 'AccessDeniedException', status: 403 });
    const { listings } = await runAdapter(await adapterFor(fake, { regions: [R, 'eu-west-1'] }), { types: DATA_TYPES });
    const [dwh] = items(find(listings, 'aws.redshift.cluster', R));
    expect(dwh!.data.logging).toMatchObject({ ok: false, error: { code: 'ACCESS_DENIED', operation: 'redshift:DescribeLoggingStatus' } });
    expect(find(listings, 'aws.dynamodb.table', R).items.ok).toBe(true);
    expect(find(listings, 'aws.dynamodb.table', 'eu-west-1').items).toMatchObject({ ok: false, error: { code: 'ACCESS_DENIED', operation: 'dynamodb:ListTables' } });
    expect(listings.filter((l) => !l.items.ok)).toHaveLength(1);
  });
});

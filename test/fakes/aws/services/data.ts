import * as dynamodb from '@aws-sdk/client-dynamodb';
import type { TableDescription, Tag as DynamoTag } from '@aws-sdk/client-dynamodb';
import * as elasticache from '@aws-sdk/client-elasticache';
import type { ReplicationGroup } from '@aws-sdk/client-elasticache';
import * as fsx from '@aws-sdk/client-fsx';
import type { FileSystem } from '@aws-sdk/client-fsx';
import * as memorydb from '@aws-sdk/client-memorydb';
import type { Cluster as MemoryDbCluster } from '@aws-sdk/client-memorydb';
import * as opensearch from '@aws-sdk/client-opensearch';
import type { DomainStatus } from '@aws-sdk/client-opensearch';
import type { DBClusterSnapshot, DBSnapshot } from '@aws-sdk/client-rds';
import * as redshift from '@aws-sdk/client-redshift';
import type { Cluster as RedshiftCluster, LoggingStatus } from '@aws-sdk/client-redshift';
import { FakeAwsError, page, type HandlerContext } from '../handlers.js';

/**
 * The data services of the AWS fake (issue 13): DynamoDB (JSON 1.0), ElastiCache and Redshift
 * (Query), MemoryDB and FSx (JSON 1.1), OpenSearch (REST-JSON, signing name `es`), and the RDS
 * snapshot operations. Registered in server.ts (protocols, routes) and handlers.ts (handlers) by
 * one line each; the state lives in `FakeAccount.data`.
 */

export interface FakeDynamoTable {
  table: TableDescription;
  pitr: boolean;
  tags: DynamoTag[];
}

/** Per region. */
export interface FakeDataRegion {
  dynamodb?: FakeDynamoTable[];
  dbSnapshots?: (DBSnapshot & { restore?: string[] })[];
  clusterSnapshots?: (DBClusterSnapshot & { restore?: string[] })[];
  replicationGroups?: ReplicationGroup[];
  memorydb?: MemoryDbCluster[];
  redshift?: (RedshiftCluster & { logging?: LoggingStatus })[];
  opensearch?: DomainStatus[];
  fsx?: FileSystem[];
}

export type FakeDataServices = Record<string, FakeDataRegion>;

type Handler = (ctx: HandlerContext) => Record<string, unknown>;

const regionOf = (ctx: HandlerContext): FakeDataRegion => ctx.account.data?.[ctx.region] ?? {};

/** The wire protocol of each service, keyed by SigV4 signing name. */
export const DATA_PROTOCOLS = {
  dynamodb: { protocol: 'json', module: dynamodb },
  elasticache: { protocol: 'query', module: elasticache, xmlns: 'http://elasticache.amazonaws.com/doc/2015-02-02/' },
  memorydb: { protocol: 'json', module: memorydb },
  redshift: { protocol: 'query', module: redshift, xmlns: 'http://redshift.amazonaws.com/doc/2012-12-01/' },
  es: { protocol: 'rest-json', module: opensearch },
  fsx: { protocol: 'json', module: fsx },
} as const;

export const DATA_REST_ROUTES = [
  { service: 'es', method: 'GET', path: /^\/2021-01-01\/domain\/?$/, operation: 'ListDomainNames' },
  { service: 'es', method: 'POST', path: /^\/2021-01-01\/opensearch\/domain-info\/?$/, operation: 'DescribeDomains' },
];

function tableOf(ctx: HandlerContext, name: unknown): FakeDynamoTable {
  const table = regionOf(ctx).dynamodb?.find((t) => t.table.TableName === name || t.table.TableArn === name);
  if (!table) throw new FakeAwsError('ResourceNotFoundException', 400, `Requested resource not found: Table: ${String(name)} not found`);
  return table;
}

const DYNAMODB: Record<string, Handler> = {
  // ListTables pages by the last name returned, not by an opaque token.
  ListTables: (ctx) => {
    const names = (regionOf(ctx).dynamodb ?? []).map((t) => t.table.TableName ?? '').sort();
    const start = typeof ctx.json.ExclusiveStartTableName === 'string' ? names.indexOf(ctx.json.ExclusiveStartTableName) + 1 : 0;
    const p = page(names.slice(start), undefined, ctx.json.Limit, 100);
    return { TableNames: p.items, ...(p.next ? { LastEvaluatedTableName: p.items[p.items.length - 1] } : {}) };
  },
  DescribeTable: (ctx) => ({ Table: tableOf(ctx, ctx.json.TableName).table }),
  DescribeContinuousBackups: (ctx) => {
    const { pitr } = tableOf(ctx, ctx.json.TableName);
    return {
      ContinuousBackupsDescription: {
        ContinuousBackupsStatus: 'ENABLED',
        PointInTimeRecoveryDescription: { PointInTimeRecoveryStatus: pitr ? 'ENABLED' : 'DISABLED', ...(pitr ? { RecoveryPeriodInDays: 35 } : {}) },
      },
    };
  },
  ListTagsOfResource: (ctx) => {
    const p = page(tableOf(ctx, ctx.json.ResourceArn).tags, ctx.json.NextToken, undefined, 1);
    return { Tags: p.items, ...(p.next ? { NextToken: p.next } : {}) };
  },
};

const snapshotAttributes = (restore: readonly string[] | undefined) => [{ AttributeName: 'restore', AttributeValues: restore ?? [] }];

/** Merged into the RDS handlers. */
export const RDS_SNAPSHOT_HANDLERS: Record<string, Handler> = {
  DescribeDBSnapshots: (ctx) => {
    const p = page((regionOf(ctx).dbSnapshots ?? []).map(({ restore: _, ...s }) => s), ctx.params.Marker, ctx.params.MaxRecords, 100);
    return { DBSnapshots: p.items, ...(p.next ? { Marker: p.next } : {}) };
  },
  DescribeDBClusterSnapshots: (ctx) => {
    const p = page((regionOf(ctx).clusterSnapshots ?? []).map(({ restore: _, ...s }) => s), ctx.params.Marker, ctx.params.MaxRecords, 100);
    return { DBClusterSnapshots: p.items, ...(p.next ? { Marker: p.next } : {}) };
  },
  DescribeDBSnapshotAttributes: (ctx) => {
    const id = ctx.params.DBSnapshotIdentifier;
    const s = regionOf(ctx).dbSnapshots?.find((x) => x.DBSnapshotIdentifier === id);
    if (!s) throw new FakeAwsError('DBSnapshotNotFound', 404, `DBSnapshot ${id} not found.`);
    return { DBSnapshotAttributesResult: { DBSnapshotIdentifier: id, DBSnapshotAttributes: snapshotAttributes(s.restore) } };
  },
  DescribeDBClusterSnapshotAttributes: (ctx) => {
    const id = ctx.params.DBClusterSnapshotIdentifier;
    const s = regionOf(ctx).clusterSnapshots?.find((x) => x.DBClusterSnapshotIdentifier === id);
    if (!s) throw new FakeAwsError('DBClusterSnapshotNotFoundFault', 404, `DBClusterSnapshot ${id} not found.`);
    return { DBClusterSnapshotAttributesResult: { DBClusterSnapshotIdentifier: id, DBClusterSnapshotAttributes: snapshotAttributes(s.restore) } };
  },
};

const REDSHIFT: Record<string, Handler> = {
  DescribeClusters: (ctx) => {
    const p = page((regionOf(ctx).redshift ?? []).map(({ logging: _, ...c }) => c), ctx.params.Marker, ctx.params.MaxRecords, 100);
    return { Clusters: p.items, ...(p.next ? { Marker: p.next } : {}) };
  },
  DescribeLoggingStatus: (ctx) => {
    const cluster = regionOf(ctx).redshift?.find((c) => c.ClusterIdentifier === ctx.params.ClusterIdentifier);
    if (!cluster) throw new FakeAwsError('ClusterNotFound', 404, `Cluster ${ctx.params.ClusterIdentifier} not found.`);
    return { LoggingEnabled: false, ...cluster.logging };
  },
};

const OPENSEARCH: Record<string, Handler> = {
  ListDomainNames: (ctx) => ({ DomainNames: (regionOf(ctx).opensearch ?? []).map((d) => ({ DomainName: d.DomainName, EngineType: 'OpenSearch' })) }),
  DescribeDomains: (ctx) => {
    const names = (ctx.json.DomainNames ?? []) as string[];
    if (names.length > 5) throw new FakeAwsError('ValidationException', 400, 'at most 5 domain names per call');
    return { DomainStatusList: (regionOf(ctx).opensearch ?? []).filter((d) => names.includes(d.DomainName ?? '')) };
  },
};

export const DATA_HANDLERS: Record<string, Record<string, Handler>> = {
  dynamodb: DYNAMODB,
  elasticache: {
    DescribeReplicationGroups: (ctx) => {
      const p = page(regionOf(ctx).replicationGroups ?? [], ctx.params.Marker, ctx.params.MaxRecords, 100);
      return { ReplicationGroups: p.items, ...(p.next ? { Marker: p.next } : {}) };
    },
  },
  memorydb: {
    DescribeClusters: (ctx) => {
      const p = page(regionOf(ctx).memorydb ?? [], ctx.json.NextToken, ctx.json.MaxResults, 100);
      return { Clusters: p.items, ...(p.next ? { NextToken: p.next } : {}) };
    },
  },
  redshift: REDSHIFT,
  es: OPENSEARCH,
  fsx: {
    DescribeFileSystems: (ctx) => {
      const p = page(regionOf(ctx).fsx ?? [], ctx.json.NextToken, ctx.json.MaxResults, 100);
      return { FileSystems: p.items, ...(p.next ? { NextToken: p.next } : {}) };
    },
  },
};

/** One of each, compliant and not, in `region`: what the collector tests and the full-run permissions test read. */
export function richDataServices(account: string, region = 'us-east-1'): FakeDataServices {
  const arn = (service: string, path: string) => `arn:aws:${service}:${region}:${account}:${path}`;
  const created = new Date('2025-01-01T00:00:00Z');
  return {
    [region]: {
      dynamodb: [
        { table: { TableName: 'orders', TableArn: arn('dynamodb', 'table/orders'), TableStatus: 'ACTIVE', CreationDateTime: created, DeletionProtectionEnabled: true,
          SSEDescription: { Status: 'ENABLED', SSEType: 'KMS', KMSMasterKeyArn: arn('kms', 'key/k1') } }, pitr: true,
        tags: [{ Key: 'owner', Value: 'shop' }, { Key: 'env', Value: 'prod' }] },
        { table: { TableName: 'scratch', TableArn: arn('dynamodb', 'table/scratch'), TableStatus: 'ACTIVE', CreationDateTime: created }, pitr: false, tags: [] },
      ],
      dbSnapshots: [
        { DBSnapshotIdentifier: 'db-manual', DBSnapshotArn: arn('rds', 'snapshot:db-manual'), DBInstanceIdentifier: 'db-1', SnapshotType: 'manual', Status: 'available',
          Engine: 'postgres', Encrypted: false, SnapshotCreateTime: created, TagList: [{ Key: 'owner', Value: 'ops' }], restore: ['all'] },
        { DBSnapshotIdentifier: 'rds:db-1-2026-01-01', DBSnapshotArn: arn('rds', 'snapshot:rds:db-1-2026-01-01'), DBInstanceIdentifier: 'db-1', SnapshotType: 'automated',
          Status: 'available', Engine: 'postgres', Encrypted: true, KmsKeyId: arn('kms', 'key/k1'), SnapshotCreateTime: created },
      ],
      clusterSnapshots: [
        { DBClusterSnapshotIdentifier: 'cluster-manual', DBClusterSnapshotArn: arn('rds', 'cluster-snapshot:cluster-manual'), DBClusterIdentifier: 'aurora-1',
          SnapshotType: 'manual', Status: 'available', Engine: 'aurora-postgresql', StorageEncrypted: true, KmsKeyId: arn('kms', 'key/k1'), SnapshotCreateTime: created, restore: ['222233334444'] },
      ],
      replicationGroups: [
        { ReplicationGroupId: 'sessions', ARN: arn('elasticache', 'replicationgroup:sessions'), Status: 'available', Engine: 'valkey', AtRestEncryptionEnabled: true,
          TransitEncryptionEnabled: true, TransitEncryptionMode: 'required', SnapshotRetentionLimit: 5, KmsKeyId: arn('kms', 'key/k1') },
        { ReplicationGroupId: 'plain', ARN: arn('elasticache', 'replicationgroup:plain'), Status: 'available', AtRestEncryptionEnabled: false, TransitEncryptionEnabled: false, SnapshotRetentionLimit: 0 },
      ],
      memorydb: [
        { Name: 'tokens', ARN: arn('memorydb', 'cluster/tokens'), Status: 'available', TLSEnabled: true, KmsKeyId: arn('kms', 'key/k1'), SnapshotRetentionLimit: 7 },
      ],
      redshift: [
        { ClusterIdentifier: 'dwh', ClusterStatus: 'available', Encrypted: true, KmsKeyId: arn('kms', 'key/k1'), PubliclyAccessible: false, AutomatedSnapshotRetentionPeriod: 7,
          Tags: [{ Key: 'owner', Value: 'bi' }], logging: { LoggingEnabled: true, LogDestinationType: 'cloudwatch', LogExports: ['connectionlog', 'userlog'] } },
        { ClusterIdentifier: 'open-dwh', ClusterStatus: 'available', Encrypted: false, PubliclyAccessible: true, AutomatedSnapshotRetentionPeriod: 1 },
      ],
      opensearch: [
        { DomainName: 'search', DomainId: `${account}/search`, ARN: arn('es', 'domain/search'), EngineVersion: 'OpenSearch_2.13',
          EncryptionAtRestOptions: { Enabled: true, KmsKeyId: arn('kms', 'key/k1') }, NodeToNodeEncryptionOptions: { Enabled: true },
          DomainEndpointOptions: { EnforceHTTPS: true, TLSSecurityPolicy: 'Policy-Min-TLS-1-2-2019-07' }, VPCOptions: { VPCId: 'vpc-1' },
          LogPublishingOptions: { AUDIT_LOGS: { Enabled: true, CloudWatchLogsLogGroupArn: arn('logs', 'log-group:audit') } }, AdvancedSecurityOptions: { Enabled: true },
          ClusterConfig: {} },
        ...['logs-a', 'logs-b', 'logs-c', 'logs-d', 'logs-e'].map((name): DomainStatus => ({
          DomainName: name, DomainId: `${account}/${name}`, ARN: arn('es', `domain/${name}`), ClusterConfig: {},
          AccessPolicies: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'es:*', Resource: '*' }] }),
        })),
      ],
      fsx: [
        { FileSystemId: 'fs-win', ResourceARN: arn('fsx', 'file-system/fs-win'), FileSystemType: 'WINDOWS', Lifecycle: 'AVAILABLE', KmsKeyId: arn('kms', 'key/k1'),
          CreationTime: created, Tags: [{ Key: 'Name', Value: 'shares' }], WindowsConfiguration: { DeploymentType: 'MULTI_AZ_1', AutomaticBackupRetentionDays: 30 } },
        { FileSystemId: 'fs-scratch', ResourceARN: arn('fsx', 'file-system/fs-scratch'), FileSystemType: 'LUSTRE', Lifecycle: 'AVAILABLE', KmsKeyId: arn('kms', 'key/aws-fsx'),
          CreationTime: created, LustreConfiguration: { DeploymentType: 'SCRATCH_2' } },
        { FileSystemId: 'fs-zfs', ResourceARN: arn('fsx', 'file-system/fs-zfs'), FileSystemType: 'OPENZFS', Lifecycle: 'AVAILABLE', KmsKeyId: arn('kms', 'key/aws-fsx'),
          CreationTime: created, OpenZFSConfiguration: { AutomaticBackupRetentionDays: 0 } },
      ],
    },
  };
}

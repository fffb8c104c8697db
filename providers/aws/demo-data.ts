import { seen } from '../../src/core/observed.js';
import type { Account, DemoOrg } from './demo.js';
import { parsePolicyDocument } from './policy-document.js';

/**
 * The demo's data services (DynamoDB, RDS snapshots and clusters, ElastiCache, MemoryDB, Redshift,
 * OpenSearch, FSx): payments-prod keeps its data well, data-platform does not, and the sandbox
 * has a scratch file system that needs no backups. Critical names follow `awsDemoPolicy`
 * (`payments-*`, `dp-curated`).
 */

const EU = 'eu-west-1';
const keyAlias = (a: Account, alias: string) => `arn:aws:kms:${EU}:${a.id}:alias/${alias}`;

export function dataServicesDemo(org: DemoOrg, payments: Account, data: Account, sandbox: Account): void {
  const paymentsKey = keyAlias(payments, 'payments');
  const arn = (a: Account, service: string, path: string) => `arn:aws:${service}:${EU}:${a.id}:${path}`;

  // DynamoDB
  const table = (a: Account, name: string, o: { key: string | null; pitr: boolean; protection: boolean; tags: Record<string, string> }) =>
    org.add(a, EU, 'aws.dynamodb.table', arn(a, 'dynamodb', `table/${name}`), name, {
      tableName: name, tableArn: arn(a, 'dynamodb', `table/${name}`), tableStatus: 'ACTIVE',
      encryption: o.key === null ? { sseType: null, kmsKeyArn: null } : { sseType: 'KMS', kmsKeyArn: o.key },
      deletionProtectionEnabled: o.protection, pointInTimeRecovery: seen({ enabled: o.pitr, recoveryPeriodInDays: o.pitr ? 35 : null }), tagging: seen(o.tags),
    }, o.tags);
  table(payments, 'payments-ledger', { key: paymentsKey, pitr: true, protection: true, tags: { owner: 'payments' } });
  table(payments, 'payments-sessions', { key: null, pitr: false, protection: false, tags: {} });

  // RDS snapshots and clusters
  const snapshot = (a: Account, kind: 'db' | 'cluster', id: string, o: { source: string; type: string; encrypted: boolean; restorers: string[] | null }) => {
    const base = {
      snapshotIdentifier: id, snapshotType: o.type, status: 'available', encrypted: o.encrypted, kmsKeyId: o.encrypted ? keyAlias(a, 'aws/rds') : null,
      snapshotCreateTime: org.ago(30), restorers: o.restorers === null ? null : seen(o.restorers),
    };
    if (kind === 'db') {
      const snapshotArn = arn(a, 'rds', `snapshot:${id}`);
      org.add(a, EU, 'aws.rds.db-snapshot', snapshotArn, id, { ...base, arn: snapshotArn, dbInstanceIdentifier: o.source, engine: 'postgres' }, { owner: a.name });
    } else {
      const snapshotArn = arn(a, 'rds', `cluster-snapshot:${id}`);
      org.add(a, EU, 'aws.rds.cluster-snapshot', snapshotArn, id, { ...base, arn: snapshotArn, dbClusterIdentifier: o.source, engine: 'aurora-postgresql' }, { owner: a.name });
    }
  };
  snapshot(payments, 'db', 'payments-db-pre-upgrade', { source: 'payments-db', type: 'manual', encrypted: true, restorers: [] });
  snapshot(payments, 'db', 'rds:payments-db-2026-05-31', { source: 'payments-db', type: 'automated', encrypted: true, restorers: null });
  snapshot(payments, 'cluster', 'payments-aurora-dr-copy', { source: 'payments-aurora', type: 'manual', encrypted: true, restorers: ['444455556666'] });
  snapshot(data, 'db', 'dp-warehouse-export', { source: 'dp-warehouse-1', type: 'manual', encrypted: false, restorers: ['all'] });
  snapshot(data, 'cluster', 'dp-warehouse-share', { source: 'dp-warehouse', type: 'manual', encrypted: false, restorers: ['all'] });
  const auroraArn = arn(payments, 'rds', 'cluster:payments-aurora');
  org.add(payments, EU, 'aws.rds.cluster', auroraArn, 'payments-aurora', {
    dbClusterIdentifier: 'payments-aurora', dbClusterArn: auroraArn, engine: 'aurora-postgresql', engineVersion: '16.4', status: 'available', clusterCreateTime: org.ago(200),
    storageEncrypted: true, kmsKeyId: paymentsKey, publiclyAccessible: null, backupRetentionPeriod: 14, deletionProtection: true, multiAZ: true, members: [],
    iamDatabaseAuthenticationEnabled: true, copyTagsToSnapshot: true,
  }, { owner: 'payments', 'data-classification': 'restricted' });

  // ElastiCache and MemoryDB
  const cache = (a: Account, id: string, o: { atRest: boolean; transit: 'required' | 'preferred' | null; retention: number }) =>
    org.add(a, EU, 'aws.elasticache.replication-group', arn(a, 'elasticache', `replicationgroup:${id}`), id, {
      replicationGroupId: id, arn: arn(a, 'elasticache', `replicationgroup:${id}`), engine: 'valkey', status: 'available',
      atRestEncryptionEnabled: o.atRest, transitEncryptionEnabled: o.transit !== null, transitEncryptionMode: o.transit, kmsKeyId: null, snapshotRetentionLimit: o.retention,
    });
  cache(payments, 'payments-sessions-cache', { atRest: true, transit: 'required', retention: 7 });
  cache(data, 'dp-feature-cache', { atRest: false, transit: 'preferred', retention: 0 });
  const memory = (a: Account, name: string, o: { tls: boolean; key: string | null; retention: number }) =>
    org.add(a, EU, 'aws.memorydb.cluster', arn(a, 'memorydb', `cluster/${name}`), name, {
      name, arn: arn(a, 'memorydb', `cluster/${name}`), status: 'available', tlsEnabled: o.tls, kmsKeyId: o.key, snapshotRetentionLimit: o.retention,
    });
  memory(payments, 'payments-tokens', { tls: true, key: paymentsKey, retention: 7 });
  memory(payments, 'payments-rate-limits', { tls: true, key: null, retention: 7 });
  memory(data, 'dp-queue', { tls: false, key: null, retention: 0 });

  // Redshift
  const warehouse = (a: Account, id: string, o: { key: string | null; public: boolean; logging: boolean; retention: number; tags: Record<string, string> }) => {
    const clusterArn = arn(a, 'redshift', `cluster:${id}`);
    org.add(a, EU, 'aws.redshift.cluster', clusterArn, id, {
      clusterIdentifier: id, arn: clusterArn, clusterStatus: 'available', encrypted: o.key !== null, kmsKeyId: o.key, publiclyAccessible: o.public,
      automatedSnapshotRetentionPeriod: o.retention,
      logging: seen({ loggingEnabled: o.logging, logDestinationType: o.logging ? 'cloudwatch' : null, bucketName: null, logExports: o.logging ? ['connectionlog', 'userlog', 'useractivitylog'] : [] }),
    }, o.tags);
  };
  warehouse(payments, 'payments-analytics', { key: paymentsKey, public: false, logging: true, retention: 7, tags: { owner: 'payments' } });
  warehouse(payments, 'payments-legacy-dwh', { key: null, public: false, logging: true, retention: 7, tags: { owner: 'payments' } });
  warehouse(data, 'dp-redshift', { key: null, public: true, logging: false, retention: 1, tags: {} });

  // OpenSearch
  const open = parsePolicyDocument({ Version: '2012-10-17', Statement: [{ Sid: 'PublicRead', Effect: 'Allow', Principal: '*', Action: 'es:ESHttp*', Resource: `${arn(data, 'es', 'domain/dp-logs')}/*` }] });
  const domain = (a: Account, name: string, good: boolean) =>
    org.add(a, EU, 'aws.opensearch.domain', arn(a, 'es', `domain/${name}`), name, {
      domainName: name, arn: arn(a, 'es', `domain/${name}`), engineVersion: 'OpenSearch_2.13', deleted: false,
      encryptionAtRest: good, kmsKeyId: good ? paymentsKey : null, nodeToNodeEncryption: good, enforceHttps: good,
      tlsSecurityPolicy: good ? 'Policy-Min-TLS-1-2-PFS-2023-10' : 'Policy-Min-TLS-1-0-2019-07', vpcId: good ? 'vpc-0payments' : null,
      accessPolicy: seen(good ? null : open), auditLogsEnabled: good, fineGrainedAccessControl: good,
    });
  domain(payments, 'payments-search', true);
  domain(data, 'dp-logs', false);

  // FSx
  const fileSystem = (a: Account, region: string, id: string, name: string, o: { type: string; deployment: string; key: string; retention: number | null; tags: Record<string, string> }) => {
    const fsArn = `arn:aws:fsx:${region}:${a.id}:file-system/${id}`;
    org.add(a, region, 'aws.fsx.file-system', fsArn, name, {
      fileSystemId: id, arn: fsArn, fileSystemType: o.type, lifecycle: 'AVAILABLE', kmsKeyId: o.key, automaticBackupRetentionDays: o.retention, deploymentType: o.deployment,
    }, { Name: name, ...o.tags });
  };
  fileSystem(payments, EU, 'fs-0paymentswin01', 'payments-share', { type: 'WINDOWS', deployment: 'MULTI_AZ_1', key: paymentsKey, retention: 14, tags: { owner: 'payments' } });
  fileSystem(data, EU, 'fs-0dpcurated0001', 'dp-curated', { type: 'LUSTRE', deployment: 'PERSISTENT_2', key: keyAlias(data, 'aws/fsx'), retention: 0, tags: {} });
  fileSystem(sandbox, 'us-east-1', 'fs-0sandboxscratch', 'sandbox-scratch', { type: 'LUSTRE', deployment: 'SCRATCH_2', key: 'arn:aws:kms:us-east-1:333333333333:alias/aws/fsx', retention: null, tags: { owner: 'sandbox' } });
}

import { describe } from 'vitest';
import check from '../../../../checks/aws/memorydb/aws-memorydb-cluster-snapshot-retention.js';
import { memoryDbCluster } from '../../../fixtures/aws-data.js';
import { retentionCases } from '../lib/data-cases.js';

describe(check.id, () => {
  retentionCases(check, 'aws.memorydb.cluster', 'memorydb:DescribeClusters', (name, days) => memoryDbCluster(name, { snapshotRetentionLimit: days }), 7);
});

import { describe } from 'vitest';
import check from '../../../../checks/aws/elasticache/aws-elasticache-replication-group-snapshot-retention.js';
import { replicationGroup } from '../../../fixtures/aws-data.js';
import { retentionCases } from '../lib/data-cases.js';

describe(check.id, () => {
  retentionCases(check, 'aws.elasticache.replication-group', 'elasticache:DescribeReplicationGroups', (name, days) => replicationGroup(name, { snapshotRetentionLimit: days }), 1);
});

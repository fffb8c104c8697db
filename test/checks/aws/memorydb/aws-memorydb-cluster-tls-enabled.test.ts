import { describe } from 'vitest';
import check from '../../../../checks/aws/memorydb/aws-memorydb-cluster-tls-enabled.js';
import { memoryDbCluster } from '../../../fixtures/aws-data.js';
import { settingCases } from '../lib/data-cases.js';

describe(check.id, () => {
  settingCases(check, 'aws.memorydb.cluster', 'memorydb:DescribeClusters', memoryDbCluster('good'), memoryDbCluster('bad', { tlsEnabled: false }), { tlsEnabled: false });
});

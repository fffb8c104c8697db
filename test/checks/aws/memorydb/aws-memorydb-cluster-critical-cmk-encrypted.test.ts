import { describe } from 'vitest';
import check from '../../../../checks/aws/memorydb/aws-memorydb-cluster-critical-cmk-encrypted.js';
import { memoryDbCluster } from '../../../fixtures/aws-data.js';
import { criticalKeyCases } from '../lib/data-cases.js';

describe(check.id, () => {
  criticalKeyCases(check, 'aws.memorydb.cluster', 'memorydb:DescribeClusters', (name, keyRef) => memoryDbCluster(name, { kmsKeyId: keyRef }));
});

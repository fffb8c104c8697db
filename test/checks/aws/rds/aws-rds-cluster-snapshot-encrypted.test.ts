import { describe } from 'vitest';
import check from '../../../../checks/aws/rds/aws-rds-cluster-snapshot-encrypted.js';
import { clusterSnapshot } from '../../../fixtures/aws-data.js';
import { settingCases } from '../lib/data-cases.js';

describe(check.id, () => {
  settingCases(check, 'aws.rds.cluster-snapshot', 'rds:DescribeDBClusterSnapshots', clusterSnapshot('good'), clusterSnapshot('bad', { encrypted: false, kmsKeyId: null }), { encrypted: false });
});

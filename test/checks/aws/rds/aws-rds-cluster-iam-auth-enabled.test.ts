import { describe } from 'vitest';
import check from '../../../../checks/aws/rds/aws-rds-cluster-iam-auth-enabled.js';
import { rdsCluster } from '../../../fixtures/aws.js';
import { settingCases } from '../lib/data-cases.js';

describe(check.id, () => {
  settingCases(check, 'aws.rds.cluster', 'rds:DescribeDBClusters', rdsCluster('good'), rdsCluster('bad', { iamDatabaseAuthenticationEnabled: false }), { iamDatabaseAuthenticationEnabled: false });
});

import { describe } from 'vitest';
import check from '../../../../checks/aws/rds/aws-rds-cluster-required-tags.js';
import { rdsCluster } from '../../../fixtures/aws.js';
import { requiredTagsCases } from '../lib/required-tags-cases.js';

describe(check.id, () => {
  requiredTagsCases(check, 'aws.rds.cluster', (name, tags) => rdsCluster(name, {}, { tags }));
});

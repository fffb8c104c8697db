import { describe } from 'vitest';
import check from '../../../../checks/aws/redshift/aws-redshift-cluster-required-tags.js';
import { redshiftCluster } from '../../../fixtures/aws-data.js';
import { requiredTagsCases } from '../lib/required-tags-cases.js';

describe(check.id, () => {
  requiredTagsCases(check, 'aws.redshift.cluster', (name, tags) => redshiftCluster(name, {}, { tags }));
});

import { describe } from 'vitest';
import check from '../../../../checks/aws/redshift/aws-redshift-cluster-not-public.js';
import { redshiftCluster } from '../../../fixtures/aws-data.js';
import { settingCases } from '../lib/data-cases.js';

describe(check.id, () => {
  settingCases(check, 'aws.redshift.cluster', 'redshift:DescribeClusters', redshiftCluster('good'), redshiftCluster('bad', { publiclyAccessible: true }), { publiclyAccessible: true });
});

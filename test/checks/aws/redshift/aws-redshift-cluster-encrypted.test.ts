import { describe } from 'vitest';
import check from '../../../../checks/aws/redshift/aws-redshift-cluster-encrypted.js';
import { redshiftCluster } from '../../../fixtures/aws-data.js';
import { settingCases } from '../lib/data-cases.js';

describe(check.id, () => {
  settingCases(check, 'aws.redshift.cluster', 'redshift:DescribeClusters', redshiftCluster('good'), redshiftCluster('bad', { encrypted: false, kmsKeyId: null }), { encrypted: false });
});

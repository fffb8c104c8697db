import { describe } from 'vitest';
import check from '../../../../checks/aws/redshift/aws-redshift-cluster-critical-cmk-encrypted.js';
import { redshiftCluster } from '../../../fixtures/aws-data.js';
import { criticalKeyCases } from '../lib/data-cases.js';

describe(check.id, () => {
  criticalKeyCases(check, 'aws.redshift.cluster', 'redshift:DescribeClusters', (name, keyRef) => redshiftCluster(name, keyRef === null ? { encrypted: false, kmsKeyId: null } : { kmsKeyId: keyRef }));
});

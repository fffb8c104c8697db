import { describe } from 'vitest';
import check from '../../../../checks/aws/redshift/aws-redshift-cluster-automated-snapshot-retention.js';
import { redshiftCluster } from '../../../fixtures/aws-data.js';
import { retentionCases } from '../lib/data-cases.js';

describe(check.id, () => {
  retentionCases(check, 'aws.redshift.cluster', 'redshift:DescribeClusters', (name, days) => redshiftCluster(name, { automatedSnapshotRetentionPeriod: days }), 7);
});

import { describe, expect, test } from 'vitest';
import check from '../../../../checks/aws/redshift/aws-redshift-cluster-audit-logging-enabled.js';
import { redshiftCluster } from '../../../fixtures/aws-data.js';
import { settingCases } from '../lib/data-cases.js';
import { seen } from '../../../../src/core/observed.js';
import { deniedFact } from '../../../fixtures/aws.js';
import { runCheck, statuses } from '../../../support/checks.js';
import { listingOf } from '../../../fixtures/aws.js';

describe(check.id, () => {
  settingCases(check, 'aws.redshift.cluster', 'redshift:DescribeClusters', redshiftCluster('good'), redshiftCluster('bad', { logging: seen({ loggingEnabled: false, logDestinationType: null, bucketName: null, logExports: [] }) }), { loggingEnabled: false });

  test('ERROR for a cluster whose logging status could not be read', () => {
    const [result] = runCheck(check, [listingOf('aws.redshift.cluster', [redshiftCluster('hidden', { logging: deniedFact('redshift:DescribeLoggingStatus') })])]);
    expect(result).toMatchObject({ status: 'ERROR', error: { operation: 'redshift:DescribeLoggingStatus' } });
    expect(statuses(runCheck(check, [listingOf('aws.redshift.cluster', [redshiftCluster('seen')])]))).toEqual([['seen', 'PASS']]);
  });
});

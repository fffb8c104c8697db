import { describe, expect, test } from 'vitest';
import check from '../../../../checks/aws/elasticache/aws-elasticache-replication-group-in-transit-encrypted.js';
import { replicationGroup } from '../../../fixtures/aws-data.js';
import { settingCases } from '../lib/data-cases.js';
import { runCheck } from '../../../support/checks.js';
import { listingOf } from '../../../fixtures/aws.js';

describe(check.id, () => {
  settingCases(check, 'aws.elasticache.replication-group', 'elasticache:DescribeReplicationGroups', replicationGroup('good'), replicationGroup('bad', { transitEncryptionEnabled: false, transitEncryptionMode: null }), { transitEncryptionEnabled: false });

  test('FAIL while plain connections are still accepted (mode preferred)', () => {
    const [result] = runCheck(check, [listingOf('aws.elasticache.replication-group', [replicationGroup('migrating', { transitEncryptionMode: 'preferred' })])]);
    expect(result).toMatchObject({ status: 'FAIL', evidence: { transitEncryptionEnabled: true, transitEncryptionMode: 'preferred' } });
  });
});

import { describe } from 'vitest';
import check from '../../../../checks/aws/elasticache/aws-elasticache-replication-group-at-rest-encrypted.js';
import { replicationGroup } from '../../../fixtures/aws-data.js';
import { settingCases } from '../lib/data-cases.js';

describe(check.id, () => {
  settingCases(check, 'aws.elasticache.replication-group', 'elasticache:DescribeReplicationGroups', replicationGroup('good'), replicationGroup('bad', { atRestEncryptionEnabled: false }), { atRestEncryptionEnabled: false });
});

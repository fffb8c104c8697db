import { describe } from 'vitest';
import check from '../../../../checks/aws/rds/aws-rds-db-snapshot-encrypted.js';
import { dbSnapshot } from '../../../fixtures/aws-data.js';
import { settingCases } from '../lib/data-cases.js';

describe(check.id, () => {
  settingCases(check, 'aws.rds.db-snapshot', 'rds:DescribeDBSnapshots', dbSnapshot('good'), dbSnapshot('bad', { encrypted: false, kmsKeyId: null }), { encrypted: false });
});

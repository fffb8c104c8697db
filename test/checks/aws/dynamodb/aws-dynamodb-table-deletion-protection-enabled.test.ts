import { describe } from 'vitest';
import check from '../../../../checks/aws/dynamodb/aws-dynamodb-table-deletion-protection-enabled.js';
import { dynamoTable } from '../../../fixtures/aws-data.js';
import { settingCases } from '../lib/data-cases.js';

describe(check.id, () => {
  settingCases(check, 'aws.dynamodb.table', 'dynamodb:ListTables', dynamoTable('good'), dynamoTable('bad', { deletionProtectionEnabled: false }), { deletionProtectionEnabled: false });
});

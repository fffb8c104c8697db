import { describe } from 'vitest';
import check from '../../../../checks/aws/dynamodb/aws-dynamodb-table-critical-cmk-encrypted.js';
import { dynamoTable } from '../../../fixtures/aws-data.js';
import { criticalKeyCases } from '../lib/data-cases.js';

describe(check.id, () => {
  criticalKeyCases(check, 'aws.dynamodb.table', 'dynamodb:ListTables', (name, keyRef) => dynamoTable(name, { encryption: keyRef === null ? { sseType: null, kmsKeyArn: null } : { sseType: 'KMS', kmsKeyArn: keyRef } }));
});

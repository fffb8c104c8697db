import { describe, expect, test } from 'vitest';
import check from '../../../../checks/aws/dynamodb/aws-dynamodb-table-pitr-enabled.js';
import { dynamoTable } from '../../../fixtures/aws-data.js';
import { settingCases } from '../lib/data-cases.js';
import { seen } from '../../../../src/core/observed.js';
import { deniedFact } from '../../../fixtures/aws.js';
import { runCheck, statuses } from '../../../support/checks.js';
import { listingOf } from '../../../fixtures/aws.js';

describe(check.id, () => {
  settingCases(check, 'aws.dynamodb.table', 'dynamodb:ListTables', dynamoTable('good'), dynamoTable('bad', { pointInTimeRecovery: seen({ enabled: false, recoveryPeriodInDays: null }) }), { enabled: false });

  test('ERROR for a table whose continuous backups could not be read', () => {
    const [result] = runCheck(check, [listingOf('aws.dynamodb.table', [dynamoTable('hidden', { pointInTimeRecovery: deniedFact('dynamodb:DescribeContinuousBackups') })])]);
    expect(result).toMatchObject({ status: 'ERROR', error: { operation: 'dynamodb:DescribeContinuousBackups' } });
    expect(statuses(runCheck(check, [listingOf('aws.dynamodb.table', [dynamoTable('t')])]))).toEqual([['t', 'PASS']]);
  });
});

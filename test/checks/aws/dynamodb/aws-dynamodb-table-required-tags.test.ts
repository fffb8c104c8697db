import { describe } from 'vitest';
import { seen } from '../../../../src/core/observed.js';
import check from '../../../../checks/aws/dynamodb/aws-dynamodb-table-required-tags.js';
import { dynamoTable } from '../../../fixtures/aws-data.js';
import { requiredTagsCases } from '../lib/required-tags-cases.js';

describe(check.id, () => {
  requiredTagsCases(check, 'aws.dynamodb.table', (name, tags) => dynamoTable(name, { tagging: seen(tags) }));
});

import { describe } from 'vitest';
import check from '../../../../checks/aws/rds/aws-rds-instance-required-tags.js';
import { rdsInstance } from '../../../fixtures/aws.js';
import { requiredTagsCases } from '../lib/required-tags-cases.js';

describe(check.id, () => {
  requiredTagsCases(check, 'aws.rds.instance', (name, tags) => rdsInstance(name, {}, { tags }));
});

import { describe } from 'vitest';
import check from '../../../../checks/aws/secretsmanager/aws-secretsmanager-secret-required-tags.js';
import { secret } from '../../../fixtures/aws-edge.js';
import { requiredTagsCases } from '../lib/required-tags-cases.js';

describe(check.id, () => {
  requiredTagsCases(check, 'aws.secretsmanager.secret', (name, tags) => secret(name, {}, { tags }));
});

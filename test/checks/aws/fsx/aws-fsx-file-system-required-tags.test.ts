import { describe } from 'vitest';
import check from '../../../../checks/aws/fsx/aws-fsx-file-system-required-tags.js';
import { fsxFileSystem } from '../../../fixtures/aws-data.js';
import { requiredTagsCases } from '../lib/required-tags-cases.js';

describe(check.id, () => {
  requiredTagsCases(check, 'aws.fsx.file-system', (name, tags) => fsxFileSystem(name, {}, { tags }));
});

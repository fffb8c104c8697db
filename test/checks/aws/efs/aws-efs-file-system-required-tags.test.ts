import { describe } from 'vitest';
import check from '../../../../checks/aws/efs/aws-efs-file-system-required-tags.js';
import { efsFileSystem } from '../../../fixtures/aws.js';
import { requiredTagsCases } from '../lib/required-tags-cases.js';

describe(check.id, () => {
  requiredTagsCases(check, 'aws.efs.file-system', (name, tags) => efsFileSystem(name, {}, { tags }));
});

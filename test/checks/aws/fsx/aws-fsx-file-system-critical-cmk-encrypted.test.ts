import { describe } from 'vitest';
import check from '../../../../checks/aws/fsx/aws-fsx-file-system-critical-cmk-encrypted.js';
import { fsxFileSystem } from '../../../fixtures/aws-data.js';
import { criticalKeyCases } from '../lib/data-cases.js';

describe(check.id, () => {
  criticalKeyCases(check, 'aws.fsx.file-system', 'fsx:DescribeFileSystems', (name, keyRef) => fsxFileSystem(name, { kmsKeyId: keyRef }));
});

import { describe, expect, test } from 'vitest';
import check from '../../../../checks/aws/fsx/aws-fsx-file-system-automatic-backups-enabled.js';
import { fsxFileSystem } from '../../../fixtures/aws-data.js';
import { retentionCases } from '../lib/data-cases.js';
import { runCheck } from '../../../support/checks.js';
import { listingOf } from '../../../fixtures/aws.js';

describe(check.id, () => {
  retentionCases(check, 'aws.fsx.file-system', 'fsx:DescribeFileSystems', (name, days) => fsxFileSystem(name, { automaticBackupRetentionDays: days }), 7);

  test('NOT_APPLICABLE for Lustre scratch file systems, which keep no backups', () => {
    const [result] = runCheck(check, [listingOf('aws.fsx.file-system', [fsxFileSystem('scratch', { fileSystemType: 'LUSTRE', deploymentType: 'SCRATCH_2', automaticBackupRetentionDays: null })])]);
    expect(result).toMatchObject({ status: 'NOT_APPLICABLE', evidence: { deploymentType: 'SCRATCH_2' } });
  });
});

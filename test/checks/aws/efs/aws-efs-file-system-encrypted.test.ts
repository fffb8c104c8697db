import { describe, expect, test } from 'vitest';
import { runCheck, statuses } from '../../../support/checks.js';
import check from '../../../../checks/aws/efs/aws-efs-file-system-encrypted.js';
import { efsFileSystem, failedListingOf, listingOf } from '../../../fixtures/aws.js';

describe(check.id, () => {
  test('encrypted file systems pass, unencrypted fail, those being deleted are NOT_APPLICABLE', () => {
    const results = runCheck(check, [
      listingOf('aws.efs.file-system', [
        efsFileSystem('fs-enc'),
        efsFileSystem('fs-plain', { encrypted: false, kmsKeyId: null }),
        efsFileSystem('fs-going', { encrypted: false, kmsKeyId: null, lifeCycleState: 'deleting' }),
      ]),
    ]);
    expect(statuses(results)).toEqual([['fs-enc', 'PASS'], ['fs-plain', 'FAIL'], ['fs-going', 'NOT_APPLICABLE']]);
    expect(results[0]?.evidence).toEqual({ encrypted: true, kmsKeyId: 'arn:aws:kms:eu-west-1:111111111111:key/efs' });
    expect(results[1]?.evidence).toEqual({ encrypted: false, kmsKeyId: null });
  });

  test('ERROR for a failed DescribeFileSystems, NOT_APPLICABLE for no file systems', () => {
    const [failed] = runCheck(check, [failedListingOf('aws.efs.file-system', 'elasticfilesystem:DescribeFileSystems')]);
    expect(failed?.status).toBe('ERROR');
    expect(failed?.error?.operation).toBe('elasticfilesystem:DescribeFileSystems');
    expect(runCheck(check, [listingOf('aws.efs.file-system', [])])[0]?.status).toBe('NOT_APPLICABLE');
  });
});

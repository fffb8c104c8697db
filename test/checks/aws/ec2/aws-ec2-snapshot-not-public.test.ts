import { describe, expect, test } from 'vitest';
import { seen } from '../../../../src/core/observed.js';
import { runCheck, statuses } from '../../../support/checks.js';
import check from '../../../../checks/aws/ec2/aws-ec2-snapshot-not-public.js';
import { deniedFact, ebsSnapshot, listingOf } from '../../../fixtures/aws.js';

describe(check.id, () => {
  test('PASS private, FAIL public, ERROR when the public listing was denied', () => {
    const results = runCheck(check, [
      listingOf('aws.ec2.snapshot', [
        ebsSnapshot('snap-private'),
        ebsSnapshot('snap-public', { publiclyRestorable: seen(true) }),
        ebsSnapshot('snap-unknown', { publiclyRestorable: deniedFact('ec2:DescribeSnapshotAttribute') }),
      ]),
    ]);
    expect(statuses(results)).toEqual([['snap-private', 'PASS'], ['snap-public', 'FAIL'], ['snap-unknown', 'ERROR']]);
    expect(results[1]?.evidence).toEqual({ publiclyRestorable: true });
  });

  test('NOT_APPLICABLE without snapshots', () => {
    expect(runCheck(check, [listingOf('aws.ec2.snapshot', [])])[0]?.status).toBe('NOT_APPLICABLE');
  });
});

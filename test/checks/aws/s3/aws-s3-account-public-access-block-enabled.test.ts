import { describe, expect, test } from 'vitest';
import { runCheck, statuses } from '../../../support/checks.js';
import check from '../../../../checks/aws/s3/aws-s3-account-public-access-block-enabled.js';
import { BLOCK_ALL, failedListingOf, listingOf, s3AccountBlock } from '../../../fixtures/aws.js';

describe(check.id, () => {
  const run = (block: Parameters<typeof s3AccountBlock>[0]) => runCheck(check, [listingOf('aws.s3.account-public-access-block', [s3AccountBlock(block)])])[0];

  test('PASS with all four on, FAIL with none or some off', () => {
    expect(run(BLOCK_ALL)?.status).toBe('PASS');
    expect(run(null)).toMatchObject({ status: 'FAIL', evidence: { publicAccessBlock: null } });
    expect(run({ ...BLOCK_ALL, restrictPublicBuckets: false })).toMatchObject({ status: 'FAIL', evidence: { off: ['restrictPublicBuckets'] } });
  });

  test('ERROR when s3control:GetPublicAccessBlock was denied; NOT_APPLICABLE when nothing was listed', () => {
    expect(runCheck(check, [failedListingOf('aws.s3.account-public-access-block', 's3:GetAccountPublicAccessBlock')])[0]?.status).toBe('ERROR');
    expect(statuses(runCheck(check, [listingOf('aws.s3.account-public-access-block', [])]))[0]?.[1]).toBe('NOT_APPLICABLE');
  });
});

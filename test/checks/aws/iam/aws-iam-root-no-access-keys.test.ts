import { describe, expect, test } from 'vitest';
import { seen } from '../../../../src/core/observed.js';
import { runCheck } from '../../../support/checks.js';
import check from '../../../../checks/aws/iam/aws-iam-root-no-access-keys.js';
import { deniedFact, failedListingOf, iamRoot, listingOf } from '../../../fixtures/aws.js';

describe(check.id, () => {
  test('PASS without keys, FAIL with keys, ERROR when unknown', () => {
    const results = runCheck(check, [
      listingOf('aws.iam.root', [iamRoot({}, { account: '111111111111' })]),
      listingOf('aws.iam.root', [iamRoot({ accessKeysPresent: seen(true) }, { account: '222222222222' })]),
      listingOf('aws.iam.root', [iamRoot({ accessKeysPresent: deniedFact('iam:GetAccountSummary') }, { account: '333333333333' })]),
    ]);
    expect(results.map((r) => r.status)).toEqual(['PASS', 'FAIL', 'ERROR']);
    expect(results[1]?.evidence).toEqual({ accessKeysPresent: true });
  });

  test('a failed listing is ERROR for the account, an empty one NOT_APPLICABLE', () => {
    expect(runCheck(check, [failedListingOf('aws.iam.root', 'iam:GetAccountSummary')]).map((r) => r.status)).toEqual(['ERROR']);
    expect(runCheck(check, [listingOf('aws.iam.root', [])]).map((r) => r.status)).toEqual(['NOT_APPLICABLE']);
  });
});

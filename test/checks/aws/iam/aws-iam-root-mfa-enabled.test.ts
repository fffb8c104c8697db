import { describe, expect, test } from 'vitest';
import { seen } from '../../../../src/core/observed.js';
import { runCheck, statuses } from '../../../support/checks.js';
import check from '../../../../checks/aws/iam/aws-iam-root-mfa-enabled.js';
import { deniedFact, iamRoot, listingOf } from '../../../fixtures/aws.js';

const byAccount = (rs: ReturnType<typeof runCheck>) => rs.map((r) => [r.resource.account, r.status]);

describe(check.id, () => {
  test('PASS with MFA, FAIL without, ERROR when the account summary was denied', () => {
    const results = runCheck(check, [
      listingOf('aws.iam.root', [iamRoot({}, { account: '111111111111' })]),
      listingOf('aws.iam.root', [iamRoot({ mfaActive: seen(false) }, { account: '222222222222' })]),
      listingOf('aws.iam.root', [iamRoot({ mfaActive: deniedFact('iam:GetAccountSummary') }, { account: '333333333333' })]),
    ]);
    expect(byAccount(results)).toEqual([['111111111111', 'PASS'], ['222222222222', 'FAIL'], ['333333333333', 'ERROR']]);
    expect(results[1]?.evidence).toEqual({ mfaActive: false });
    expect(results[2]?.error?.operation).toBe('iam:GetAccountSummary');
  });

  test('NOT_APPLICABLE when no root row was listed', () => {
    expect(statuses(runCheck(check, [listingOf('aws.iam.root', [])])).map(([, s]) => s)).toEqual(['NOT_APPLICABLE']);
  });
});

import { describe, expect, test } from 'vitest';
import { seen } from '../../../../src/core/observed.js';
import { runCheck, statuses } from '../../../support/checks.js';
import check from '../../../../checks/aws/iam/aws-iam-user-console-mfa-enabled.js';
import { credentials, deniedFact, iamUser, listingOf } from '../../../fixtures/aws.js';

describe(check.id, () => {
  test('PASS, FAIL, NOT_APPLICABLE (no password) and ERROR (no report) per user', () => {
    const results = runCheck(check, [
      listingOf('aws.iam.user', [
        iamUser('alice'),
        iamUser('bob', { credentials: seen(credentials({ mfaActive: false })) }),
        iamUser('ci', { credentials: seen(credentials({ passwordEnabled: false, mfaActive: false })) }),
        iamUser('carol', { credentials: deniedFact('iam:GetCredentialReport') }),
      ]),
    ]);
    expect(statuses(results)).toEqual([['alice', 'PASS'], ['bob', 'FAIL'], ['ci', 'NOT_APPLICABLE'], ['carol', 'ERROR']]);
    expect(results[1]?.evidence).toEqual({ passwordEnabled: true, mfaActive: false });
  });

  test('NOT_APPLICABLE when the account has no users', () => {
    expect(statuses(runCheck(check, [listingOf('aws.iam.user', [])]))[0]?.[1]).toBe('NOT_APPLICABLE');
  });
});

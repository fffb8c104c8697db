import { describe, expect, test } from 'vitest';
import { seen } from '../../../../src/core/observed.js';
import { runCheck, statuses } from '../../../support/checks.js';
import check from '../../../../checks/aws/iam/aws-iam-user-single-active-access-key.js';
import { accessKey, credentials, deniedFact, iamUser, listingOf } from '../../../fixtures/aws.js';

describe(check.id, () => {
  test('one key PASS, two active keys FAIL, none NOT_APPLICABLE, unknown ERROR', () => {
    const results = runCheck(check, [
      listingOf('aws.iam.user', [
        iamUser('one', { credentials: seen(credentials({ accessKeys: [accessKey(1), accessKey(2, { active: false })] })) }),
        iamUser('two', { credentials: seen(credentials({ accessKeys: [accessKey(1), accessKey(2)] })) }),
        iamUser('none'),
        iamUser('unknown', { credentials: deniedFact('iam:GetCredentialReport') }),
      ]),
    ]);
    expect(statuses(results)).toEqual([['one', 'PASS'], ['two', 'FAIL'], ['none', 'NOT_APPLICABLE'], ['unknown', 'ERROR']]);
    expect(results[1]?.evidence).toEqual({ activeAccessKeys: 2 });
  });
});

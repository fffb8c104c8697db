import { describe, expect, test } from 'vitest';
import { seen } from '../../../../src/core/observed.js';
import { runCheck, statuses } from '../../../support/checks.js';
import check from '../../../../checks/aws/iam/aws-iam-user-access-keys-rotated.js';
import { accessKey, credentials, daysAgo, deniedFact, iamUser, listingOf } from '../../../fixtures/aws.js';

describe(check.id, () => {
  test('young keys PASS, old active keys FAIL, users without active keys are NOT_APPLICABLE, no report is ERROR', () => {
    const results = runCheck(check, [
      listingOf('aws.iam.user', [
        iamUser('fresh', { credentials: seen(credentials({ accessKeys: [accessKey(1, { lastRotated: daysAgo(30) })] })) }),
        iamUser('stale', { credentials: seen(credentials({ accessKeys: [accessKey(1, { lastRotated: daysAgo(30) }), accessKey(2, { lastRotated: daysAgo(200) })] })) }),
        iamUser('old-but-inactive', { credentials: seen(credentials({ accessKeys: [accessKey(1, { active: false, lastRotated: daysAgo(400) })] })) }),
        iamUser('unknown', { credentials: deniedFact('iam:GetCredentialReport') }),
      ]),
    ]);
    expect(statuses(results)).toEqual([['fresh', 'PASS'], ['stale', 'FAIL'], ['old-but-inactive', 'NOT_APPLICABLE'], ['unknown', 'ERROR']]);
    expect(results[1]?.evidence).toMatchObject({ maxKeyAgeDays: 90, keys: [{ key: 'access_key_1', ageDays: 30 }, { key: 'access_key_2', ageDays: 200 }] });
  });

  test('the age limit is a parameter', () => {
    const user = iamUser('u', { credentials: seen(credentials({ accessKeys: [accessKey(1, { lastRotated: daysAgo(45) })] })) });
    expect(runCheck(check, [listingOf('aws.iam.user', [user])], { params: { maxKeyAgeDays: 30 } }).map((r) => r.status)).toEqual(['FAIL']);
  });
});

import { describe, expect, test } from 'vitest';
import { seen } from '../../../../src/core/observed.js';
import { runCheck, statuses } from '../../../support/checks.js';
import check from '../../../../checks/aws/iam/aws-iam-user-unused-credentials-disabled.js';
import { accessKey, credentials, daysAgo, deniedFact, iamUser, listingOf } from '../../../fixtures/aws.js';

describe(check.id, () => {
  test('stale passwords and keys FAIL, recent ones and users without credentials PASS, no report is ERROR', () => {
    const results = runCheck(check, [
      listingOf('aws.iam.user', [
        iamUser('active', { credentials: seen(credentials({ accessKeys: [accessKey(1)] })) }),
        iamUser('old-password', { credentials: seen(credentials({ passwordLastUsed: daysAgo(60) })) }),
        iamUser('never-used-key', { createDate: daysAgo(200), credentials: seen(credentials({ passwordEnabled: false, accessKeys: [accessKey(1, { lastUsedDate: null, lastRotated: daysAgo(100) })] })) }),
        iamUser('inactive-old-key', { credentials: seen(credentials({ passwordEnabled: false, accessKeys: [accessKey(1, { active: false, lastUsedDate: daysAgo(300) })] })) }),
        iamUser('unknown', { credentials: deniedFact('iam:GetCredentialReport') }),
      ]),
    ]);
    expect(statuses(results)).toEqual([
      ['active', 'PASS'], ['old-password', 'FAIL'], ['never-used-key', 'FAIL'], ['inactive-old-key', 'PASS'], ['unknown', 'ERROR'],
    ]);
    expect(results[1]?.evidence).toMatchObject({ maxUnusedDays: 45, stale: [{ credential: 'password', daysUnused: 60 }] });
    expect(results[2]?.evidence).toMatchObject({ stale: [{ credential: 'access_key_1', lastUsed: null, daysUnused: 100 }] });
  });

  test('NOT_APPLICABLE when there are no users', () => {
    expect(runCheck(check, [listingOf('aws.iam.user', [])]).map((r) => r.status)).toEqual(['NOT_APPLICABLE']);
  });
});

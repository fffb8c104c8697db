import { describe, expect, test } from 'vitest';
import { seen } from '../../../../src/core/observed.js';
import { NOW, runCheck, statuses } from '../../../support/checks.js';
import check from '../../../../checks/aws/iam/aws-iam-root-not-used-recently.js';
import { accessKey, daysAgo, deniedFact, iamRoot, listingOf } from '../../../fixtures/aws.js';

describe(check.id, () => {
  test('PASS when unused in the window or never used, FAIL on recent password or key use, ERROR without the report', () => {
    const results = runCheck(check, [
      listingOf('aws.iam.root', [iamRoot({}, { account: '111111111111' })]),
      listingOf('aws.iam.root', [iamRoot({ usage: seen({ passwordLastUsed: daysAgo(2), accessKeys: [] }) }, { account: '222222222222' })]),
      listingOf('aws.iam.root', [iamRoot({ usage: seen({ passwordLastUsed: null, accessKeys: [accessKey(1, { lastUsedDate: daysAgo(1) })] }) }, { account: '333333333333' })]),
      listingOf('aws.iam.root', [iamRoot({ usage: seen({ passwordLastUsed: null, accessKeys: [] }) }, { account: '444444444444' })]),
      listingOf('aws.iam.root', [iamRoot({ usage: deniedFact('iam:GetCredentialReport') }, { account: '555555555555' })]),
    ]);
    expect(results.map((r) => r.status)).toEqual(['PASS', 'FAIL', 'FAIL', 'PASS', 'ERROR']);
    expect(results[1]?.evidence).toMatchObject({ daysSinceLastUse: 2, windowDays: 7 });
  });

  test('the window is a parameter', () => {
    const root = iamRoot({ usage: seen({ passwordLastUsed: daysAgo(20), accessKeys: [] }) });
    expect(runCheck(check, [listingOf('aws.iam.root', [root])], { params: { windowDays: 30 }, now: NOW }).map((r) => r.status)).toEqual(['FAIL']);
  });

  test('NOT_APPLICABLE without a root row', () => {
    expect(statuses(runCheck(check, [listingOf('aws.iam.root', [])]))[0]?.[1]).toBe('NOT_APPLICABLE');
  });
});

import { describe, expect, test } from 'vitest';
import { runCheck, statuses } from '../../../support/checks.js';
import check from '../../../../checks/aws/iam/aws-iam-user-no-direct-policies.js';
import { failedListingOf, iamUser, listingOf, READ_ONLY_DOC } from '../../../fixtures/aws.js';

describe(check.id, () => {
  test('PASS for group-only users, FAIL for attached or inline policies', () => {
    const results = runCheck(check, [
      listingOf('aws.iam.user', [
        iamUser('grouped', { groupList: ['devs'] }),
        iamUser('direct', { attachedManagedPolicies: [{ policyName: 'p', policyArn: 'arn:aws:iam::111111111111:policy/p' }] }),
        iamUser('inline', { userPolicyList: [{ policyName: 'mine', policyDocument: READ_ONLY_DOC }] }),
      ]),
    ]);
    expect(statuses(results)).toEqual([['grouped', 'PASS'], ['direct', 'FAIL'], ['inline', 'FAIL']]);
    expect(results[2]?.evidence).toEqual({ attached: [], inline: ['mine'] });
  });

  test('ERROR for a failed listing, NOT_APPLICABLE for no users', () => {
    expect(runCheck(check, [failedListingOf('aws.iam.user', 'iam:GetAccountAuthorizationDetails')])[0]?.status).toBe('ERROR');
    expect(runCheck(check, [listingOf('aws.iam.user', [])])[0]?.status).toBe('NOT_APPLICABLE');
  });
});

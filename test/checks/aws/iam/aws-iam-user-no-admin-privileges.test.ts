import { describe, expect, test } from 'vitest';
import { runCheck, statuses } from '../../../support/checks.js';
import check from '../../../../checks/aws/iam/aws-iam-user-no-admin-privileges.js';
import { ADMIN_DOC, attached, failedListingOf, iamPolicy, iamUser, listingOf, READ_ONLY_DOC } from '../../../fixtures/aws.js';

const admin = iamPolicy('AdministratorAccess', ADMIN_DOC, { awsManaged: true });
const reader = iamPolicy('reader', READ_ONLY_DOC);

describe(check.id, () => {
  test('PASS for scoped policies, FAIL for AdministratorAccess or an inline "*:*"', () => {
    const results = runCheck(check, [
      listingOf('aws.iam.policy', [admin, reader]),
      listingOf('aws.iam.user', [
        iamUser('dev', { attachedManagedPolicies: [attached(reader)] }),
        iamUser('boss', { attachedManagedPolicies: [attached(admin)] }),
        iamUser('sneaky', { userPolicyList: [{ policyName: 'all', policyDocument: ADMIN_DOC }] }),
      ]),
    ]);
    expect(statuses(results)).toEqual([['dev', 'PASS'], ['boss', 'FAIL'], ['sneaky', 'FAIL']]);
    expect(results[1]?.evidence).toEqual({ adminPolicies: [{ policy: 'arn:aws:iam::aws:policy/AdministratorAccess', kind: 'managed' }] });
  });

  test('ERROR when the managed policies could not be listed; NOT_APPLICABLE without users', () => {
    const results = runCheck(check, [failedListingOf('aws.iam.policy', 'iam:GetAccountAuthorizationDetails'), listingOf('aws.iam.user', [iamUser('dev')])]);
    expect(statuses(results)).toEqual([['dev', 'ERROR']]);
    expect(runCheck(check, [listingOf('aws.iam.user', [])]).map((r) => r.status)).toEqual(['NOT_APPLICABLE']);
  });
});

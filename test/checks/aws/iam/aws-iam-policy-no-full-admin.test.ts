import { describe, expect, test } from 'vitest';
import { runCheck, statuses } from '../../../support/checks.js';
import check from '../../../../checks/aws/iam/aws-iam-policy-no-full-admin.js';
import { ADMIN_DOC, failedListingOf, iamPolicy, listingOf, READ_ONLY_DOC } from '../../../fixtures/aws.js';

describe(check.id, () => {
  test('FAIL for an attached "*:*" policy; PASS for scoped or unattached ones; NOT_APPLICABLE for AWS-managed', () => {
    const results = runCheck(check, [
      listingOf('aws.iam.policy', [
        iamPolicy('reader', READ_ONLY_DOC),
        iamPolicy('god-mode', ADMIN_DOC, { attachmentCount: 2 }),
        iamPolicy('old-god-mode', ADMIN_DOC, { attachmentCount: 0 }),
        iamPolicy('AdministratorAccess', ADMIN_DOC, { awsManaged: true }),
      ]),
    ]);
    expect(statuses(results)).toEqual([['reader', 'PASS'], ['god-mode', 'FAIL'], ['old-god-mode', 'PASS'], ['AdministratorAccess', 'NOT_APPLICABLE']]);
    expect(results[1]?.evidence).toMatchObject({ grantsFullAdmin: true, attachmentCount: 2 });
  });

  test('ERROR when GAAD failed', () => {
    expect(runCheck(check, [failedListingOf('aws.iam.policy', 'iam:GetAccountAuthorizationDetails')])[0]?.status).toBe('ERROR');
  });
});

import { describe, expect, test } from 'vitest';
import { runCheck, statuses } from '../../../support/checks.js';
import check from '../../../../checks/aws/iam/aws-iam-group-no-admin-privileges.js';
import { ADMIN_DOC, attached, failedListingOf, iamGroup, iamPolicy, listingOf, READ_ONLY_DOC } from '../../../fixtures/aws.js';

const custom = iamPolicy('ops-everything', ADMIN_DOC);
const reader = iamPolicy('reader', READ_ONLY_DOC);

describe(check.id, () => {
  test('PASS for scoped groups, FAIL for a customer policy allowing "*:*"', () => {
    const results = runCheck(check, [
      listingOf('aws.iam.policy', [custom, reader]),
      listingOf('aws.iam.group', [iamGroup('readers', { attachedManagedPolicies: [attached(reader)] }), iamGroup('ops', { attachedManagedPolicies: [attached(custom)] })]),
    ]);
    expect(statuses(results)).toEqual([['readers', 'PASS'], ['ops', 'FAIL']]);
    expect(results[1]?.evidence).toEqual({ adminPolicies: [{ policy: custom.data.arn, kind: 'managed' }] });
  });

  test('ERROR for a failed listing, NOT_APPLICABLE without groups', () => {
    expect(runCheck(check, [failedListingOf('aws.iam.group', 'iam:GetAccountAuthorizationDetails')]).map((r) => r.status)).toEqual(['ERROR']);
    expect(runCheck(check, [listingOf('aws.iam.group', [])]).map((r) => r.status)).toEqual(['NOT_APPLICABLE']);
  });
});

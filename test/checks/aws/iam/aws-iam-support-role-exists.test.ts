import { describe, expect, test } from 'vitest';
import { runCheck } from '../../../support/checks.js';
import check from '../../../../checks/aws/iam/aws-iam-support-role-exists.js';
import { failedListingOf, iamRole, listingOf } from '../../../fixtures/aws.js';

const support = { policyName: 'AWSSupportAccess', policyArn: 'arn:aws:iam::aws:policy/AWSSupportAccess' };

describe(check.id, () => {
  test('PASS when a role has AWSSupportAccess, FAIL when none has (even with no roles at all)', () => {
    expect(runCheck(check, [listingOf('aws.iam.role', [iamRole('app'), iamRole('support', { attachedManagedPolicies: [support] })])])[0])
      .toMatchObject({ status: 'PASS', evidence: { supportRoles: ['support'] } });
    expect(runCheck(check, [listingOf('aws.iam.role', [iamRole('app')])])[0]?.status).toBe('FAIL');
    expect(runCheck(check, [listingOf('aws.iam.role', [])])[0]?.status).toBe('FAIL');
  });

  test('ERROR when roles could not be listed; it is never NOT_APPLICABLE', () => {
    const results = runCheck(check, [failedListingOf('aws.iam.role', 'iam:GetAccountAuthorizationDetails')]);
    expect(results.map((r) => r.status)).toEqual(['ERROR']);
    expect(results.map((r) => r.status)).not.toContain('NOT_APPLICABLE');
  });
});

import { describe, expect, test } from 'vitest';
import { runCheck, statuses } from '../../../support/checks.js';
import check from '../../../../checks/aws/iam/aws-iam-role-no-admin-privileges.js';
import { ADMIN_DOC, attached, failedListingOf, iamPolicy, iamRole, listingOf } from '../../../fixtures/aws.js';

const admin = iamPolicy('AdministratorAccess', ADMIN_DOC, { awsManaged: true });

describe(check.id, () => {
  const roles = [
    iamRole('app'),
    iamRole('deployer', { rolePolicyList: [{ policyName: 'all', policyDocument: ADMIN_DOC }] }),
    iamRole('break-glass', { attachedManagedPolicies: [attached(admin)] }),
    iamRole('AWSServiceRoleForSupport', { path: '/aws-service-role/support.amazonaws.com/' }),
  ];

  test('PASS, FAIL, exempted break-glass PASS, service-linked NOT_APPLICABLE', () => {
    const results = runCheck(check, [listingOf('aws.iam.policy', [admin]), listingOf('aws.iam.role', roles)], { params: { exemptRoles: ['break-glass'] } });
    expect(statuses(results)).toEqual([['app', 'PASS'], ['deployer', 'FAIL'], ['break-glass', 'PASS'], ['AWSServiceRoleForSupport', 'NOT_APPLICABLE']]);
    expect(results[2]?.evidence).toMatchObject({ exempt: true });
  });

  test('without the exemption the break-glass role FAILs; ERROR when policies are unknown', () => {
    expect(runCheck(check, [listingOf('aws.iam.policy', [admin]), listingOf('aws.iam.role', roles)])[2]?.status).toBe('FAIL');
    const results = runCheck(check, [failedListingOf('aws.iam.policy', 'iam:GetAccountAuthorizationDetails'), listingOf('aws.iam.role', [iamRole('app')])]);
    expect(results[0]?.status).toBe('ERROR');
  });
});

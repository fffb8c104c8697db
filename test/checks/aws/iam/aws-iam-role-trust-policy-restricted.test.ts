import { describe, expect, test } from 'vitest';
import { runCheck, statuses } from '../../../support/checks.js';
import check from '../../../../checks/aws/iam/aws-iam-role-trust-policy-restricted.js';
import { doc, failedListingOf, iamRole, listingOf } from '../../../fixtures/aws.js';

const trust = (principal: unknown, condition?: unknown) =>
  doc({ Effect: 'Allow', Principal: principal, Action: 'sts:AssumeRole', ...(condition ? { Condition: condition } : {}) });

describe(check.id, () => {
  const roles = [
    iamRole('ec2-app'),
    iamRole('anyone', { assumeRolePolicyDocument: trust('*') }),
    iamRole('vendor', { assumeRolePolicyDocument: trust({ AWS: 'arn:aws:iam::999999999999:root' }) }),
    iamRole('vendor-with-external-id', { assumeRolePolicyDocument: trust({ AWS: 'arn:aws:iam::888888888888:root' }, { StringEquals: { 'sts:ExternalId': 'x1' } }) }),
  ];

  test('PASS for service and conditioned trust, FAIL for wildcard and foreign accounts', () => {
    const results = runCheck(check, [listingOf('aws.iam.role', roles)]);
    expect(statuses(results)).toEqual([['ec2-app', 'PASS'], ['anyone', 'FAIL'], ['vendor', 'FAIL'], ['vendor-with-external-id', 'PASS']]);
    expect(results[2]?.evidence).toEqual({ issues: [{ principal: 'arn:aws:iam::999999999999:root', reason: 'cross-account' }] });
  });

  test('trusted accounts are a parameter', () => {
    expect(runCheck(check, [listingOf('aws.iam.role', roles)], { params: { trustedAccounts: ['999999999999'] } })[2]?.status).toBe('PASS');
  });

  test('ERROR for a failed listing, NOT_APPLICABLE for no roles', () => {
    expect(runCheck(check, [failedListingOf('aws.iam.role', 'iam:GetAccountAuthorizationDetails')])[0]?.status).toBe('ERROR');
    expect(runCheck(check, [listingOf('aws.iam.role', [])])[0]?.status).toBe('NOT_APPLICABLE');
  });
});

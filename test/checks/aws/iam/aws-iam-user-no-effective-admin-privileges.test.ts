import { describe, expect, test } from 'vitest';
import { runCheck, statuses } from '../../../support/checks.js';
import check from '../../../../checks/aws/iam/aws-iam-user-no-effective-admin-privileges.js';
import { ADMIN_DOC, attached, failedListingOf, iamGroup, iamPolicy, iamUser, listingOf, READ_ONLY_DOC } from '../../../fixtures/aws.js';

const awsAdmin = iamPolicy('AdministratorAccess', ADMIN_DOC, { awsManaged: true });
const customAdmin = iamPolicy('ops-everything', ADMIN_DOC);
const reader = iamPolicy('reader', READ_ONLY_DOC);
const policies = listingOf('aws.iam.policy', [awsAdmin, customAdmin, reader]);
const groups = listingOf('aws.iam.group', [
  iamGroup('admins', { attachedManagedPolicies: [attached(awsAdmin)] }),
  iamGroup('ops', { attachedManagedPolicies: [attached(customAdmin)] }),
  iamGroup('inline-ops', { groupPolicyList: [{ policyName: 'all', policyDocument: ADMIN_DOC }] }),
  iamGroup('readers', { attachedManagedPolicies: [attached(reader)] }),
]);

describe(check.id, () => {
  test('PASS when neither the user nor its groups grant "*:*"; FAIL names every path', () => {
    const results = runCheck(check, [
      policies,
      groups,
      listingOf('aws.iam.user', [
        iamUser('dev', { groupList: ['readers'], attachedManagedPolicies: [attached(reader)] }),
        iamUser('direct', { attachedManagedPolicies: [attached(awsAdmin)] }),
        iamUser('direct-custom', { attachedManagedPolicies: [attached(customAdmin)] }),
        iamUser('direct-inline', { userPolicyList: [{ policyName: 'all', policyDocument: ADMIN_DOC }] }),
        iamUser('via-aws-managed', { groupList: ['readers', 'admins'] }),
        iamUser('via-customer', { groupList: ['ops'] }),
        iamUser('via-inline', { groupList: ['inline-ops'] }),
        iamUser('every-path', { groupList: ['admins', 'ops'], userPolicyList: [{ policyName: 'all', policyDocument: ADMIN_DOC }] }),
      ]),
    ]);
    expect(statuses(results)).toEqual([
      ['dev', 'PASS'], ['direct', 'FAIL'], ['direct-custom', 'FAIL'], ['direct-inline', 'FAIL'],
      ['via-aws-managed', 'FAIL'], ['via-customer', 'FAIL'], ['via-inline', 'FAIL'], ['every-path', 'FAIL'],
    ]);
    const paths = (name: string) => results.find((r) => r.resource.name === name)?.evidence;
    expect(paths('dev')).toEqual({ adminPaths: [] });
    expect(paths('direct-custom')).toEqual({ adminPaths: [{ via: 'user', policy: customAdmin.data.arn, kind: 'managed' }] });
    expect(paths('via-aws-managed')).toEqual({ adminPaths: [{ via: 'group', group: 'admins', policy: awsAdmin.data.arn, kind: 'managed' }] });
    expect(paths('via-inline')).toEqual({ adminPaths: [{ via: 'group', group: 'inline-ops', policy: 'all', kind: 'inline' }] });
    expect(paths('every-path')).toEqual({
      adminPaths: [
        { via: 'user', policy: 'all', kind: 'inline' },
        { via: 'group', group: 'admins', policy: awsAdmin.data.arn, kind: 'managed' },
        { via: 'group', group: 'ops', policy: customAdmin.data.arn, kind: 'managed' },
      ],
    });
  });

  test('ERROR when the groups or the managed policies could not be listed, even for a user with no group', () => {
    const users = listingOf('aws.iam.user', [iamUser('dev'), iamUser('member', { groupList: ['admins'] })]);
    for (const [failed, present] of [
      [failedListingOf('aws.iam.group', 'iam:GetAccountAuthorizationDetails'), policies],
      [failedListingOf('aws.iam.policy', 'iam:GetAccountAuthorizationDetails'), groups],
    ] as const) {
      const results = runCheck(check, [failed, present, users]);
      expect(statuses(results)).toEqual([['dev', 'ERROR'], ['member', 'ERROR']]);
      expect(JSON.stringify(results[0]?.error)).toContain('iam:GetAccountAuthorizationDetails');
    }
  });

  test('ERROR, not PASS, for a group of the user missing from the inventory', () => {
    const results = runCheck(check, [policies, groups, listingOf('aws.iam.user', [iamUser('newcomer', { groupList: ['created-meanwhile'] })])]);
    expect(statuses(results)).toEqual([['newcomer', 'ERROR']]);
    expect(results[0]?.error?.code).toBe('CHECK_FAILED');
  });

  test('NOT_APPLICABLE without users', () => {
    expect(runCheck(check, [policies, groups, listingOf('aws.iam.user', [])]).map((r) => r.status)).toEqual(['NOT_APPLICABLE']);
  });
});

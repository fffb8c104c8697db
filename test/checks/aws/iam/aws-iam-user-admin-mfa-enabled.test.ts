import { describe, expect, test } from 'vitest';
import { seen } from '../../../../src/core/observed.js';
import { runCheck, statuses } from '../../../support/checks.js';
import check from '../../../../checks/aws/iam/aws-iam-user-admin-mfa-enabled.js';
import { ADMIN_DOC, attached, credentials, deniedFact, iamGroup, iamPolicy, iamUser, listingOf } from '../../../fixtures/aws.js';

const admin = iamPolicy('AdministratorAccess', ADMIN_DOC, { awsManaged: true });
const admins = iamGroup('admins', { attachedManagedPolicies: [attached(admin)] });

describe(check.id, () => {
  test('administrators (direct or through a group) need MFA; others are NOT_APPLICABLE', () => {
    const results = runCheck(check, [
      listingOf('aws.iam.policy', [admin]),
      listingOf('aws.iam.group', [admins]),
      listingOf('aws.iam.user', [
        iamUser('admin-mfa', { groupList: ['admins'] }),
        iamUser('admin-no-mfa', { groupList: ['admins'], credentials: seen(credentials({ mfaActive: false })) }),
        iamUser('direct-admin-no-mfa', { attachedManagedPolicies: [attached(admin)], credentials: seen(credentials({ mfaActive: false })) }),
        iamUser('dev', { credentials: seen(credentials({ mfaActive: false })) }),
        iamUser('admin-unknown', { groupList: ['admins'], credentials: deniedFact('iam:GetCredentialReport') }),
      ]),
    ]);
    expect(statuses(results)).toEqual([
      ['admin-mfa', 'PASS'], ['admin-no-mfa', 'FAIL'], ['direct-admin-no-mfa', 'FAIL'], ['dev', 'NOT_APPLICABLE'], ['admin-unknown', 'ERROR'],
    ]);
    expect(results[1]?.evidence).toMatchObject({ mfaActive: false, adminPolicies: [{ policy: admin.data.arn }] });
  });

  test('a group the user belongs to but the inventory lacks makes the verdict unknown (ERROR), not "no administrative privileges"', () => {
    const results = runCheck(check, [
      listingOf('aws.iam.policy', [admin]),
      listingOf('aws.iam.group', [admins]),
      listingOf('aws.iam.user', [iamUser('in-unlisted-group', { groupList: ['admins-created-meanwhile'], credentials: seen(credentials({ mfaActive: false })) })]),
    ]);
    expect(statuses(results)).toEqual([['in-unlisted-group', 'ERROR']]);
    expect(results[0]?.error?.code).toBe('CHECK_FAILED');
  });
});

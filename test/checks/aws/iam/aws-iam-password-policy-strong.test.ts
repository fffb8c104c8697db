import { describe, expect, test } from 'vitest';
import { runCheck, statuses } from '../../../support/checks.js';
import check from '../../../../checks/aws/iam/aws-iam-password-policy-strong.js';
import { failedListingOf, listingOf, passwordPolicy, STRONG_PASSWORD_POLICY } from '../../../fixtures/aws.js';

describe(check.id, () => {
  const run = (policy: Parameters<typeof passwordPolicy>[0], params = {}) =>
    runCheck(check, [listingOf('aws.iam.password-policy', [passwordPolicy(policy)])], { params });

  test('PASS for a strong policy, FAIL for none or a weak one', () => {
    expect(run(STRONG_PASSWORD_POLICY)[0]?.status).toBe('PASS');
    expect(run(null)[0]).toMatchObject({ status: 'FAIL', evidence: { policy: null } });
    const weak = run({ ...STRONG_PASSWORD_POLICY, minimumPasswordLength: 8, passwordReusePrevention: null })[0];
    expect(weak).toMatchObject({ status: 'FAIL', evidence: { weak: ['minimumPasswordLength', 'passwordReusePrevention'] } });
  });

  test('requirements are parameters', () => {
    expect(run({ ...STRONG_PASSWORD_POLICY, minimumPasswordLength: 12 }, { minimumPasswordLength: 12 })[0]?.status).toBe('PASS');
  });

  test('ERROR when GetAccountPasswordPolicy was denied, NOT_APPLICABLE when nothing was listed', () => {
    expect(runCheck(check, [failedListingOf('aws.iam.password-policy', 'iam:GetAccountPasswordPolicy')])[0]?.status).toBe('ERROR');
    expect(statuses(runCheck(check, [listingOf('aws.iam.password-policy', [])]))[0]?.[1]).toBe('NOT_APPLICABLE');
  });
});

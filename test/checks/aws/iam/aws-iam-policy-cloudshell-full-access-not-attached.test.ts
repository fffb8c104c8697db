import { describe, expect, test } from 'vitest';
import check from '../../../../checks/aws/iam/aws-iam-policy-cloudshell-full-access-not-attached.js';
import { runCheck } from '../../../support/checks.js';
import { doc, failedListingOf, iamPolicy, listingOf, READ_ONLY_DOC } from '../../../fixtures/aws.js';

const cloudshell = (attachmentCount: number) =>
  iamPolicy('AWSCloudShellFullAccess', doc({ Effect: 'Allow', Action: ['cloudshell:*'], Resource: '*' }), { awsManaged: true, attachmentCount });

describe(check.id, () => {
  test('FAIL when attached, on the policy; PASS when unattached or absent', () => {
    expect(runCheck(check, [listingOf('aws.iam.policy', [iamPolicy('reader', READ_ONLY_DOC), cloudshell(2)])])[0])
      .toMatchObject({ status: 'FAIL', evidence: { attachmentCount: 2 }, resource: { name: 'AWSCloudShellFullAccess' } });
    expect(runCheck(check, [listingOf('aws.iam.policy', [cloudshell(0)])])[0]?.status).toBe('PASS');
    expect(runCheck(check, [listingOf('aws.iam.policy', [])])[0]?.status).toBe('PASS');
  });

  test('ERROR when policies could not be listed; the check is never NOT_APPLICABLE', () => {
    const results = runCheck(check, [failedListingOf('aws.iam.policy', 'iam:GetAccountAuthorizationDetails')]);
    expect(results.map((r) => r.status)).toEqual(['ERROR']);
    expect(results.map((r) => r.status)).not.toContain('NOT_APPLICABLE');
  });
});

import { describe, expect, test } from 'vitest';
import { runCheck, statuses } from '../../../support/checks.js';
import check from '../../../../checks/aws/account/aws-account-security-contact-registered.js';
import { failedListingOf, listingOf, securityContact } from '../../../fixtures/aws.js';

describe(check.id, () => {
  test('PASS with a contact, FAIL without', () => {
    const contact = { name: 'SOC', title: 'Security', emailAddress: 'soc@example.com', phoneNumber: '+1 555 0100' };
    expect(runCheck(check, [listingOf('aws.account.security-contact', [securityContact(contact)])])[0])
      .toMatchObject({ status: 'PASS', evidence: { emailAddress: 'soc@example.com' } });
    expect(runCheck(check, [listingOf('aws.account.security-contact', [securityContact(null)])])[0]).toMatchObject({ status: 'FAIL', evidence: { contact: null } });
  });

  test('ERROR when GetAlternateContact was denied, NOT_APPLICABLE when nothing was listed', () => {
    expect(runCheck(check, [failedListingOf('aws.account.security-contact', 'account:GetAlternateContact')])[0]?.status).toBe('ERROR');
    expect(statuses(runCheck(check, [listingOf('aws.account.security-contact', [])]))[0]?.[1]).toBe('NOT_APPLICABLE');
  });
});

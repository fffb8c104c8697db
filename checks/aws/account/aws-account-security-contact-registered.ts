import { defineCheck } from '../../../src/core/check.js';

export default defineCheck({
  id: 'aws-account-security-contact-registered',
  title: 'The account has a security contact registered with AWS',
  provider: 'aws',
  service: 'account',
  resourceType: 'aws.account.security-contact',
  duty: 'incident-readiness',
  severity: 'medium',
  rationale:
    'AWS sends abuse reports, compromised-key notices and security advisories to the security alternate contact; without one they go to the root e-mail, which is often an unread alias.',
  remediation: {
    text: 'Register a monitored security team address and phone number as the SECURITY alternate contact.',
    cli: 'aws account put-alternate-contact --alternate-contact-type SECURITY --name "Security team" --title "SOC" --email-address soc@example.com --phone-number "+1 555 0100"',
  },
  assess(setting, ctx) {
    const { contact } = setting.data;
    return contact === null
      ? ctx.fail('No security contact is registered', { contact: null })
      : ctx.pass(`Security contact: ${contact.emailAddress}`, { emailAddress: contact.emailAddress, name: contact.name });
  },
});

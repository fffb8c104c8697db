import { defineCheck } from '../../../src/core/check.js';
import type {} from '../../../providers/gcp/model/types.js';
import { judgeContacts } from '../support.js';

export default defineCheck({
  id: 'gcp-essentialcontacts-project-security-contact-set',
  title: 'Security notifications about each project reach a named contact',
  provider: 'gcp',
  service: 'essentialcontacts',
  resourceType: 'gcp.essentialcontacts.project',
  duty: 'incident-readiness',
  severity: 'medium',
  rationale:
    'Google sends security bulletins, abuse reports and compromised-credential warnings to the essential contacts; without a SECURITY contact they go to whoever holds an IAM role, or nobody who acts.',
  remediation: {
    text: 'Add an essential contact subscribed to SECURITY notifications (a monitored team address) on the organisation, a folder or the project.',
    cli: 'gcloud essential-contacts create --email=TEAM@example.com --notification-categories=security --organization=ORG_ID',
  },
  references: ['https://cloud.google.com/resource-manager/docs/managing-notification-contacts', 'CIS Google Cloud Platform Foundation 3.0.0 1.16'],
  assess(contacts, ctx) {
    return judgeContacts(contacts.data.own, ctx.known(contacts.data.inherited), ctx, 'SECURITY');
  },
});

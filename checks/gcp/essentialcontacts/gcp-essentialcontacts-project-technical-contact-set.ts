import { defineCheck } from '../../../src/core/check.js';
import type {} from '../../../providers/gcp/model/types.js';
import { judgeContacts } from '../support.js';

export default defineCheck({
  id: 'gcp-essentialcontacts-project-technical-contact-set',
  title: 'Technical notifications about each project reach a named contact',
  provider: 'gcp',
  service: 'essentialcontacts',
  resourceType: 'gcp.essentialcontacts.project',
  duty: 'incident-readiness',
  severity: 'medium',
  rationale:
    'Technical notifications announce outages, deprecations and required migrations; without a TECHNICAL contact an incident or a breaking change arrives unannounced.',
  remediation: {
    text: 'Add an essential contact subscribed to TECHNICAL notifications (a monitored team address) on the organisation, a folder or the project.',
    cli: 'gcloud essential-contacts create --email=TEAM@example.com --notification-categories=technical --organization=ORG_ID',
  },
  references: ['https://cloud.google.com/resource-manager/docs/managing-notification-contacts', 'CIS Google Cloud Platform Foundation 3.0.0 1.16'],
  assess(contacts, ctx) {
    return judgeContacts(contacts.data.own, ctx.known(contacts.data.inherited), ctx, 'TECHNICAL');
  },
});

import { defineCheck } from '../../../src/core/check.js';
import type {} from '../../../providers/gcp/model/types.js';
import { grantsOf } from '../support.js';

/**
 * Google-managed service agents (Google's own identities acting in the project, granted their roles
 * by Google): `service-PROJECT_NUMBER@*.iam.gserviceaccount.com` (also `service-org-`/`service-folder-`),
 * the `gcp-sa-*` agent domains, and the Google APIs Service Agent `PROJECT_NUMBER@cloudservices.gserviceaccount.com`.
 * Default service accounts (`-compute@developer`, `@appspot`) are the customer's and count.
 */
const SERVICE_AGENTS = [
  '^serviceAccount:service-(org-|folder-)?\\d+@[a-z0-9-]+(\\.[a-z0-9-]+)*\\.iam\\.gserviceaccount\\.com$',
  '^serviceAccount:[^@]+@gcp-sa-[a-z0-9-]+\\.iam\\.gserviceaccount\\.com$',
  '^serviceAccount:\\d+@cloudservices\\.gserviceaccount\\.com$',
];

export default defineCheck({
  id: 'gcp-iam-project-no-basic-roles-for-service-accounts',
  title: 'No service account of the customer holds the basic Owner or Editor role on a project',
  provider: 'gcp',
  service: 'iam',
  resourceType: 'gcp.project.iam-policy',
  duty: 'least-privilege',
  severity: 'high',
  defaults: {
    roles: ['roles/owner', 'roles/editor'],
    /** Regular expressions of the members left out: Google-managed service agents. */
    serviceAgentPatterns: SERVICE_AGENTS,
  },
  rationale:
    'A service account with Owner or Editor can change almost anything in the project, and its key or token is reachable by every workload that runs as it. Google-managed service agents are left out: Google grants them their roles.',
  remediation: {
    text: 'Replace the basic role of each service account with predefined or custom roles for what the workload does.',
    cli: 'gcloud projects remove-iam-policy-binding PROJECT --member=serviceAccount:EMAIL --role=roles/editor',
  },
  references: ['https://cloud.google.com/iam/docs/service-account-overview#service-agents', 'CIS Google Cloud Platform Foundation 3.0.0 1.5'],
  assess(policy, ctx) {
    const agents = ctx.params.serviceAgentPatterns.map((p) => new RegExp(p));
    const bindings = [...policy.data.bindings, ...ctx.known(policy.data.inheritedBindings)];
    const offending = grantsOf(bindings).filter(
      (g) => ctx.params.roles.includes(g.role) && g.member.startsWith('serviceAccount:') && !agents.some((a) => a.test(g.member)),
    );
    return offending.length > 0
      ? ctx.fail(`${offending.length} basic-role grant(s) to service accounts`, { grants: offending })
      : ctx.pass('No service account of the customer holds a basic role', { roles: ctx.params.roles });
  },
});

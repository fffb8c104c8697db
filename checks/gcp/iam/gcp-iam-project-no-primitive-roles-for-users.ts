import { defineCheck } from '../../../src/core/check.js';
import type {} from '../../../providers/gcp/model/types.js';
import { grantsOf } from '../support.js';

/**
 * Owner and Editor (and the legacy Viewer) predate IAM and grant thousands of permissions at
 * once. People should hold predefined or custom roles scoped to their job instead.
 */
export default defineCheck({
  id: 'gcp-iam-project-no-primitive-roles-for-users',
  title: 'No person holds the basic Owner or Editor role on a project',
  provider: 'gcp',
  service: 'iam',
  resourceType: 'gcp.project.iam-policy',
  duty: 'least-privilege',
  severity: 'high',
  defaults: {
    roles: ['roles/owner', 'roles/editor'],
    /** Principal kinds that stand for people. */
    memberPrefixes: ['user:', 'group:', 'domain:'],
  },
  rationale:
    'The basic roles Owner and Editor grant nearly every permission in the project, including deleting data and changing IAM. ' +
    'Granting them to people breaks least privilege and makes access reviews meaningless; inherited grants from folders and the organisation count too.',
  remediation: {
    text: 'Replace each basic-role grant to a user, group or domain with predefined or custom roles that match the job, on the narrowest resource.',
    cli: 'gcloud projects remove-iam-policy-binding PROJECT --member=user:EMAIL --role=roles/editor',
  },
  references: ['https://cloud.google.com/iam/docs/roles-overview#basic'],
  assess(policy, ctx) {
    const bindings = [...policy.data.bindings, ...ctx.known(policy.data.inheritedBindings)];
    const offending = grantsOf(bindings).filter(
      (g) => ctx.params.roles.includes(g.role) && ctx.params.memberPrefixes.some((p) => g.member.startsWith(p)),
    );
    if (offending.length > 0) {
      return ctx.fail(`${offending.length} basic-role grant(s) to people`, { grants: offending });
    }
    return ctx.pass('No user, group or domain holds a basic role', { roles: ctx.params.roles });
  },
});

import { defineCheck } from '../../../src/core/check.js';
import type {} from '../../../providers/gcp/model/types.js';
import { grantsOf } from '../support.js';

const ADMIN_ROLE = 'roles/iam.serviceAccountAdmin';
const USER_ROLE = 'roles/iam.serviceAccountUser';

export default defineCheck({
  id: 'gcp-iam-project-service-account-roles-separated',
  title: 'No principal holds both Service Account Admin and Service Account User',
  provider: 'gcp',
  service: 'iam',
  resourceType: 'gcp.project.iam-policy',
  duty: 'least-privilege',
  severity: 'medium',
  rationale:
    'Whoever can create service accounts and also act as them can mint an identity with any role it is given and use it. ' +
    'Separating the two duties means no single principal can both create and impersonate service accounts.',
  remediation: {
    text: 'Keep Service Account Admin and Service Account User with different principals; remove one of the two roles from each principal listed.',
    cli: 'gcloud projects remove-iam-policy-binding PROJECT --member=MEMBER --role=roles/iam.serviceAccountUser',
  },
  references: ['https://cloud.google.com/iam/docs/service-account-permissions', 'CIS Google Cloud Platform Foundation 3.0.0 1.8'],
  assess(policy, ctx) {
    const grants = grantsOf([...policy.data.bindings, ...ctx.known(policy.data.inheritedBindings)]);
    const admins = new Set(grants.filter((g) => g.role === ADMIN_ROLE).map((g) => g.member));
    const both = [...new Set(grants.filter((g) => g.role === USER_ROLE && admins.has(g.member)).map((g) => g.member))];
    if (both.length > 0) {
      return ctx.fail(`${both.length} principal(s) hold both service-account roles`, { members: both, roles: [ADMIN_ROLE, USER_ROLE] });
    }
    return ctx.pass('The service-account admin and user duties are held by different principals', {
      admins: admins.size,
    });
  },
});

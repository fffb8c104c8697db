import { defineScopeCheck, type Verdict } from '../../../src/core/check.js';
import type {} from '../../../providers/gcp/model/types.js';

export const NO_WORKSPACE_SUBJECT = 'manual attestation required: no Workspace admin subject configured';

export default defineScopeCheck({
  id: 'gcp-workspace-users-2sv-enrolled',
  title: 'Every active Workspace / Cloud Identity user has 2-Step Verification',
  provider: 'gcp',
  service: 'workspace',
  resourceType: 'gcp.workspace.directory',
  duty: 'mfa',
  severity: 'high',
  defaults: { requireEnforcement: false },
  rationale:
    'Google identities sign in to the console and APIs with the Workspace or Cloud Identity account; a password alone is phished or reused. ' +
    '2-Step Verification (enforced, so users cannot turn it off) is the duty the contract puts on the customer.',
  remediation: {
    text: 'Enforce 2-Step Verification in the Admin console (Security > 2-Step Verification) for every organisational unit, with security keys for administrators.',
    url: 'https://support.google.com/a/answer/9176657',
  },
  references: ['https://support.google.com/a/answer/175197', 'CIS Google Cloud Platform Foundation 3.0.0 1.2'],
  assessScope(directories, ctx) {
    const directory = directories[0];
    if (!directory || directory.data.users === null) {
      return ctx.notApplicable(NO_WORKSPACE_SUBJECT, { attestation: 'manual', reason: NO_WORKSPACE_SUBJECT });
    }
    const active = directory.data.users.filter((u) => !u.suspended && !u.archived);
    if (active.length === 0) return ctx.notApplicable('The directory has no active users', { users: 0 });
    return active.map((user): Verdict => {
      const resource = {
        provider: 'gcp' as const,
        account: directory.account,
        region: directory.region,
        type: 'gcp.workspace.user',
        id: `${directory.id}/users/${user.primaryEmail}`,
        name: user.primaryEmail,
        tags: {},
      };
      const evidence = { isEnrolledIn2Sv: user.isEnrolledIn2Sv, isEnforcedIn2Sv: user.isEnforcedIn2Sv, isAdmin: user.isAdmin };
      const ok = user.isEnrolledIn2Sv && (!ctx.params.requireEnforcement || user.isEnforcedIn2Sv);
      const verdict = ok
        ? ctx.pass('2-Step Verification is on', evidence)
        : ctx.fail(user.isEnrolledIn2Sv ? '2-Step Verification is not enforced' : 'Not enrolled in 2-Step Verification', evidence);
      return { ...verdict, resource };
    });
  },
});

import { defineCheck } from '../../../src/core/check.js';
import type {} from '../../../providers/gcp/model/types.js';

export default defineCheck({
  id: 'gcp-iam-service-account-no-user-managed-keys',
  title: 'Service accounts have no user-managed keys',
  provider: 'gcp',
  service: 'iam',
  resourceType: 'gcp.iam.service-account',
  duty: 'credentials',
  severity: 'medium',
  rationale:
    'A user-managed key is a long-lived secret that leaves Google: it can be copied, committed or leaked, and it works from anywhere until deleted. ' +
    'Workload identity, attached service accounts and impersonation give the same access with short-lived tokens.',
  remediation: {
    text: 'Move the workload to an attached service account, Workload Identity Federation or impersonation, then delete the keys; enforce the organisation policy iam.disableServiceAccountKeyCreation.',
    cli: 'gcloud iam service-accounts keys delete KEY_ID --iam-account=EMAIL',
  },
  references: ['https://cloud.google.com/iam/docs/best-practices-for-managing-service-account-keys', 'CIS Google Cloud Platform Foundation 3.0.0 1.4'],
  assess(account, ctx) {
    const keys = ctx.known(account.data.userManagedKeys);
    if (keys.length > 0) {
      return ctx.fail(`${keys.length} user-managed key(s)`, {
        keys: keys.map((k) => ({ name: k.name, validAfterTime: k.validAfterTime, disabled: k.disabled })),
      });
    }
    return ctx.pass('No user-managed keys', { keys: 0 });
  },
});

import { defineCheck } from '../../../src/core/check.js';
import type {} from '../../../providers/gcp/model/types.js';

const DAY_MS = 86_400_000;

export default defineCheck({
  id: 'gcp-iam-service-account-keys-rotated',
  title: 'User-managed service-account keys are younger than 90 days',
  provider: 'gcp',
  service: 'iam',
  resourceType: 'gcp.iam.service-account',
  duty: 'credentials',
  severity: 'medium',
  defaults: { maxAgeDays: 90 },
  rationale:
    'The longer a key lives, the more places it has been copied to and the longer a leaked copy stays useful. ' +
    'Rotating keys within 90 days bounds that window; disabled keys still count because they can be re-enabled.',
  remediation: {
    text: 'Create a new key, roll it out to the workload, then delete the old one; better, remove keys altogether in favour of short-lived credentials.',
    cli: 'gcloud iam service-accounts keys create new-key.json --iam-account=EMAIL && gcloud iam service-accounts keys delete OLD_KEY_ID --iam-account=EMAIL',
  },
  references: ['https://cloud.google.com/iam/docs/key-rotation', 'CIS Google Cloud Platform Foundation 3.0.0 1.7'],
  assess(account, ctx) {
    const keys = ctx.known(account.data.userManagedKeys);
    if (keys.length === 0) return ctx.notApplicable('No user-managed keys to rotate', { keys: 0 });
    const aged = keys.map((k) => ({
      name: k.name,
      validAfterTime: k.validAfterTime,
      ageDays: k.validAfterTime === null ? null : Math.floor((ctx.now.getTime() - Date.parse(k.validAfterTime)) / DAY_MS),
    }));
    const old = aged.filter((k) => k.ageDays === null || k.ageDays > ctx.params.maxAgeDays);
    if (old.length > 0) {
      return ctx.fail(`${old.length} key(s) older than ${ctx.params.maxAgeDays} days (or of unknown age)`, {
        maxAgeDays: ctx.params.maxAgeDays,
        keys: old,
      });
    }
    return ctx.pass(`All ${keys.length} key(s) are at most ${ctx.params.maxAgeDays} days old`, { maxAgeDays: ctx.params.maxAgeDays, keys: aged });
  },
});

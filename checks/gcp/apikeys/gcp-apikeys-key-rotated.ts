import { defineCheck } from '../../../src/core/check.js';
import type {} from '../../../providers/gcp/model/types.js';

export default defineCheck({
  id: 'gcp-apikeys-key-rotated',
  title: 'API keys are rotated within 90 days',
  provider: 'gcp',
  service: 'apikeys',
  resourceType: 'gcp.apikeys.key',
  duty: 'credentials',
  severity: 'low',
  defaults: { maxAgeDays: 90 },
  rationale:
    'An API key is a bearer secret that never expires; replacing it regularly ends the use of copies that leaked without anyone noticing.',
  remediation: {
    text: 'Create a new key with the same restrictions, move the applications to it, then delete the old key.',
    cli: 'gcloud services api-keys create --display-name=NAME && gcloud services api-keys delete OLD_KEY_ID',
  },
  references: ['https://cloud.google.com/docs/authentication/api-keys-best-practices', 'CIS Google Cloud Platform Foundation 3.0.0 1.15'],
  assess(key, ctx) {
    const { createTime } = key.data;
    if (createTime === null) return ctx.fail('The key\'s creation time is not known', { createTime });
    const ageDays = Math.floor((ctx.now.getTime() - Date.parse(createTime)) / 86_400_000);
    const evidence = { createTime, ageDays, maxAgeDays: ctx.params.maxAgeDays };
    return ageDays <= ctx.params.maxAgeDays
      ? ctx.pass(`Created ${ageDays} day(s) ago`, evidence)
      : ctx.fail(`Not rotated for ${ageDays} days`, evidence);
  },
});

import { defineCheck } from '../../../src/core/check.js';
import type {} from '../../../providers/gcp/model/types.js';
import { criticalGlob } from '../../../src/core/critical.js';

export default defineCheck({
  id: 'gcp-storage-bucket-critical-data-recoverable',
  title: 'Buckets holding critical data keep versions or a retention policy',
  provider: 'gcp',
  service: 'storage',
  resourceType: 'gcp.storage.bucket',
  duty: 'backups',
  severity: 'high',
  defaults: { minRetentionDays: 0 },
  rationale:
    'Without object versioning or a retention policy an overwrite or delete, by mistake or by ransomware, is final. ' +
    'Buckets the policy names as critical must be able to bring back earlier data.',
  remediation: {
    text: 'Enable object versioning (with a lifecycle rule to age out old versions) or set a retention policy long enough for the contract.',
    cli: 'gcloud storage buckets update gs://BUCKET --versioning',
  },
  references: ['https://cloud.google.com/storage/docs/object-versioning', 'https://cloud.google.com/storage/docs/bucket-lock'],
  assess(bucket, ctx) {
    const matched = criticalGlob(bucket, ctx.policy.criticalResources);
    if (ctx.policy.criticalResources.length === 0) return ctx.notAssessed('policy.criticalResources', { critical: null });
    if (matched === null) return ctx.notApplicable('Not a critical resource under policy.criticalResources', { critical: false });
    const retentionDays = bucket.data.retentionPolicy ? bucket.data.retentionPolicy.retentionPeriodSeconds / 86_400 : 0;
    const evidence = {
      criticalMatch: matched,
      versioning: bucket.data.versioning,
      retentionPolicy: bucket.data.retentionPolicy,
      softDeleteSeconds: bucket.data.softDeleteSeconds,
    };
    const retains = bucket.data.retentionPolicy !== null && retentionDays >= ctx.params.minRetentionDays;
    return bucket.data.versioning || retains
      ? ctx.pass(bucket.data.versioning ? 'Object versioning is on' : `A ${retentionDays}-day retention policy is set`, evidence)
      : ctx.fail('Neither versioning nor a sufficient retention policy protects this critical bucket', evidence);
  },
});

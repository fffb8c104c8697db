import { defineCheck } from '../../../src/core/check.js';
import { isCritical } from '../../../src/core/critical.js';

export default defineCheck({
  id: 'aws-s3-bucket-versioning-enabled',
  title: 'Critical S3 buckets keep object versions',
  provider: 'aws',
  service: 's3',
  resourceType: 'aws.s3.bucket',
  duty: 'backups',
  severity: 'medium',
  rationale:
    'Versioning keeps every overwritten or deleted object recoverable, which is the backup of record for data that lives only in S3. It is required of the buckets the policy names as critical (or of all buckets with allBuckets).',
  remediation: {
    text: 'Enable versioning, with a lifecycle rule that expires noncurrent versions after the retention the contract requires.',
    cli: 'aws s3api put-bucket-versioning --bucket BUCKET --versioning-configuration Status=Enabled',
  },
  defaults: { allBuckets: false },
  assess(bucket, ctx) {
    const critical = isCritical(bucket, ctx.policy.criticalResources);
    if (!critical && !ctx.params.allBuckets) {
      if (ctx.policy.criticalResources.length === 0) return ctx.notAssessed('policy.criticalResources', { critical: null, allBuckets: false });
      return ctx.notApplicable('Not a critical bucket (policy.criticalResources), and allBuckets is off', { critical, allBuckets: false });
    }
    const { status } = ctx.known(bucket.data.versioning);
    return status === 'Enabled'
      ? ctx.pass('Versioning is enabled', { critical, versioning: status })
      : ctx.fail(status === 'Suspended' ? 'Versioning is suspended' : 'Versioning was never enabled', { critical, versioning: status });
  },
});

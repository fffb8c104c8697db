import picomatch from 'picomatch';
import { defineCheck } from '../../../src/core/check.js';
import { isCritical } from '../../../src/core/critical.js';

export default defineCheck({
  id: 'aws-s3-bucket-access-logging-enabled',
  title: 'S3 buckets record server access logs',
  provider: 'aws',
  service: 's3',
  resourceType: 'aws.s3.bucket',
  duty: 'logging',
  severity: 'low',
  rationale:
    'Server access logs record every request to a bucket, reads included, which CloudTrail records only with (costly) data events. Which buckets must log is configurable: params.buckets (globs over the bucket name, every bucket by default) and params.onlyCritical (only those in policy.criticalResources). Exclude the log buckets themselves with a negated glob.',
  remediation: {
    text: 'Enable server access logging to a separate log bucket.',
    cli: 'aws s3api put-bucket-logging --bucket BUCKET --bucket-logging-status \'{"LoggingEnabled":{"TargetBucket":"LOG_BUCKET","TargetPrefix":"BUCKET/"}}\'',
  },
  defaults: { buckets: ['*'] as string[], onlyCritical: false },
  assess(bucket, ctx) {
    if (!picomatch(ctx.params.buckets, { dot: true })(bucket.data.name)) {
      return ctx.notApplicable('Not in scope (params.buckets)', { buckets: ctx.params.buckets });
    }
    if (ctx.params.onlyCritical && !isCritical(bucket, ctx.policy.criticalResources)) {
      if (ctx.policy.criticalResources.length === 0) return ctx.notAssessed('policy.criticalResources', { critical: null });
      return ctx.notApplicable('Not a critical bucket (params.onlyCritical)', { critical: false });
    }
    const logging = ctx.known(bucket.data.logging);
    return logging !== null
      ? ctx.pass(`Access is logged to ${logging.targetBucket}`, { logging })
      : ctx.fail('Server access logging is off', { logging });
  },
});

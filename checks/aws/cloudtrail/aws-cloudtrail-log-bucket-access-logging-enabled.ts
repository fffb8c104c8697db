import { defineScopeCheck } from '../../../src/core/check.js';
import { ownTrails } from '../lib/trails.js';

export default defineScopeCheck({
  id: 'aws-cloudtrail-log-bucket-access-logging-enabled',
  title: 'The S3 buckets receiving CloudTrail logs record server access logs',
  provider: 'aws',
  service: 'cloudtrail',
  resourceType: 'aws.cloudtrail.trail',
  uses: ['aws.s3.bucket'],
  duty: 'logging',
  severity: 'low',
  rationale:
    'The trail bucket is where an intruder goes to read or erase the evidence; its own access log shows who fetched, listed or deleted the logs. A bucket in another (log archive) account is judged in that account.',
  remediation: {
    text: 'Enable server access logging on the trail bucket, delivering to a separate bucket that the trail bucket\'s writers cannot change.',
    cli: 'aws s3api put-bucket-logging --bucket TRAIL_BUCKET --bucket-logging-status \'{"LoggingEnabled":{"TargetBucket":"LOG_BUCKET","TargetPrefix":"cloudtrail/"}}\'',
  },
  assessScope(trails, ctx) {
    const own = ownTrails(trails, ctx.scope).filter((t) => t.data.s3BucketName !== null);
    if (own.length === 0) return ctx.notApplicable('No trail of this account delivering to S3 lives in this region', { trailsSeen: trails.length });
    const buckets = ctx.related('aws.s3.bucket', { region: 'any' });
    return own.map((t) => {
      const name = t.data.s3BucketName;
      const bucket = buckets.find((b) => b.data.name === name);
      if (!bucket) return { ...ctx.notApplicable(`The trail bucket ${name} is not in this account`, { bucket: name }), resource: t };
      const logging = ctx.known(bucket.data.logging);
      const v = logging !== null
        ? ctx.pass(`Access to ${name} is logged to ${logging.targetBucket}`, { bucket: name, logging })
        : ctx.fail(`The trail bucket ${name} has no server access logging`, { bucket: name, logging });
      return { ...v, resource: t };
    });
  },
});

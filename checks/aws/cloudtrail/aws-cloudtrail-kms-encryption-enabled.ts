import { defineScopeCheck } from '../../../src/core/check.js';
import { ownTrails } from '../lib/trails.js';

export default defineScopeCheck({
  id: 'aws-cloudtrail-kms-encryption-enabled',
  title: 'CloudTrail trails encrypt log files with a KMS key',
  provider: 'aws',
  service: 'cloudtrail',
  resourceType: 'aws.cloudtrail.trail',
  duty: 'encryption-at-rest',
  severity: 'medium',
  rationale: 'With SSE-KMS, reading the logs needs both bucket access and the key, so a leaked bucket policy alone does not expose the account\'s activity record.',
  remediation: {
    text: 'Create a KMS key whose policy lets CloudTrail encrypt and your auditors decrypt, and set it on the trail.',
    cli: 'aws cloudtrail update-trail --name TRAIL --kms-key-id KEY_ARN',
  },
  assessScope(trails, ctx) {
    const own = ownTrails(trails, ctx.scope);
    if (own.length === 0) return ctx.notApplicable('No trail of this account lives in this region', { trailsSeen: trails.length });
    return own.map((t) => {
      const { kmsKeyId } = t.data;
      const v = kmsKeyId !== null
        ? ctx.pass('Log files are encrypted with a KMS key', { kmsKeyId })
        : ctx.fail('Log files use S3-managed encryption only', { kmsKeyId });
      return { ...v, resource: t };
    });
  },
});

import { defineCheck } from '../../../src/core/check.js';
import { isCritical } from '../../../src/core/critical.js';

export default defineCheck({
  id: 'aws-s3-bucket-mfa-delete-enabled',
  title: 'Critical S3 buckets require MFA to delete versions',
  provider: 'aws',
  service: 's3',
  resourceType: 'aws.s3.bucket',
  duty: 'backups',
  severity: 'medium',
  rationale:
    'MFA Delete makes permanently deleting a version, or suspending versioning, require the root user\'s MFA code, so stolen credentials cannot wipe a critical bucket\'s history.',
  remediation: {
    text: 'As the root user with its MFA device, enable MFA Delete on the bucket (only the CLI or API can).',
    cli: 'aws s3api put-bucket-versioning --bucket BUCKET --versioning-configuration Status=Enabled,MFADelete=Enabled --mfa "SERIAL CODE"',
  },
  defaults: { allBuckets: false },
  assess(bucket, ctx) {
    const critical = isCritical(bucket, ctx.policy.criticalResources);
    if (!critical && !ctx.params.allBuckets) {
      if (ctx.policy.criticalResources.length === 0) return ctx.notAssessed('policy.criticalResources', { critical: null, allBuckets: false });
      return ctx.notApplicable('Not a critical bucket (policy.criticalResources), and allBuckets is off', { critical, allBuckets: false });
    }
    const { status, mfaDelete } = ctx.known(bucket.data.versioning);
    return mfaDelete === 'Enabled'
      ? ctx.pass('MFA Delete is enabled', { critical, versioning: status, mfaDelete })
      : ctx.fail('MFA Delete is not enabled', { critical, versioning: status, mfaDelete });
  },
});

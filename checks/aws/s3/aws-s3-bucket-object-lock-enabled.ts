import { defineCheck } from '../../../src/core/check.js';
import { isCritical } from '../../../src/core/critical.js';

export default defineCheck({
  id: 'aws-s3-bucket-object-lock-enabled',
  title: 'Critical S3 buckets have Object Lock enabled',
  provider: 'aws',
  service: 's3',
  resourceType: 'aws.s3.bucket',
  duty: 'backups',
  severity: 'medium',
  rationale:
    'Object Lock keeps object versions write-once-read-many: no one, not even an administrator with stolen credentials or ransomware holding the account, can delete or overwrite them before their retention ends. For buckets that hold backups, ledgers or evidence, it is what makes the copy survive the incident it is kept for. Only buckets named in policy.criticalResources are read (one extra call each), to keep the scan cheap.',
  remediation: {
    text: 'Enable Object Lock on the bucket (versioning must be on) and set a default retention: COMPLIANCE mode for backups and records no one may shorten, GOVERNANCE where a privileged role must be able to.',
    cli: 'aws s3api put-object-lock-configuration --bucket BUCKET --object-lock-configuration \'{"ObjectLockEnabled":"Enabled","Rule":{"DefaultRetention":{"Mode":"COMPLIANCE","Days":35}}}\'',
  },
  assess(bucket, ctx) {
    if (!isCritical(bucket, ctx.policy.criticalResources)) {
      if (ctx.policy.criticalResources.length === 0) return ctx.notAssessed('policy.criticalResources', { critical: null });
      return ctx.notApplicable('Not a critical bucket (policy.criticalResources)', { critical: false });
    }
    if (bucket.data.objectLock === null) {
      throw new Error('the bucket is critical but its Object Lock configuration was not collected (the scan was given other criticalResources)');
    }
    const lock = ctx.known(bucket.data.objectLock);
    const evidence = { critical: true, objectLockEnabled: lock?.enabled ?? false, defaultRetention: lock?.defaultRetention ?? null };
    if (!lock?.enabled) return ctx.fail('Object Lock is not enabled', evidence);
    const r = lock.defaultRetention;
    const retention = r ? ` (default retention ${r.mode}, ${r.days !== null ? `${r.days} days` : `${r.years ?? 0} years`})` : ' (no default retention)';
    return ctx.pass(`Object Lock is enabled${retention}`, evidence);
  },
});

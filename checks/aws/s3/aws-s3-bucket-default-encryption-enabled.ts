import { defineCheck } from '../../../src/core/check.js';
import { isCritical } from '../../../src/core/critical.js';

const KMS_ALGORITHMS = ['aws:kms', 'aws:kms:dsse'];

export default defineCheck({
  id: 'aws-s3-bucket-default-encryption-enabled',
  title: 'S3 buckets encrypt new objects by default, with KMS keys where required',
  provider: 'aws',
  service: 's3',
  resourceType: 'aws.s3.bucket',
  duty: 'encryption-at-rest',
  severity: 'high',
  rationale:
    'Since 2023 S3 encrypts new objects with S3-managed keys (SSE-S3) anyway; contracts that require customer-managed keys need SSE-KMS, whose key policy and CloudTrail record control and show every decryption. Critical buckets (policy.criticalResources) always need it.',
  remediation: {
    text: 'Set the bucket\'s default encryption to SSE-KMS with a customer-managed key (bucket keys on to keep KMS costs down).',
    cli: 'aws s3api put-bucket-encryption --bucket BUCKET --server-side-encryption-configuration \'{"Rules":[{"ApplyServerSideEncryptionByDefault":{"SSEAlgorithm":"aws:kms","KMSMasterKeyID":"KEY_ARN"},"BucketKeyEnabled":true}]}\'',
  },
  defaults: { requireKms: false },
  assess(bucket, ctx) {
    const encryption = ctx.known(bucket.data.encryption);
    const kmsRequired = ctx.params.requireKms || isCritical(bucket, ctx.policy.criticalResources);
    if (encryption === null) return ctx.fail('The bucket has no default encryption rule', { encryption: null, kmsRequired });
    const evidence = { sseAlgorithm: encryption.sseAlgorithm, kmsMasterKeyId: encryption.kmsMasterKeyId, kmsRequired };
    if (kmsRequired && !KMS_ALGORITHMS.includes(encryption.sseAlgorithm)) {
      return ctx.fail(`The bucket uses ${encryption.sseAlgorithm}; a KMS key is required`, evidence);
    }
    return ctx.pass(`New objects are encrypted with ${encryption.sseAlgorithm}`, evidence);
  },
});

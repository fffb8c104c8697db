import { defineCheck } from '../../../src/core/check.js';
import type {} from '../../../providers/gcp/model/types.js';

export default defineCheck({
  id: 'gcp-storage-bucket-uniform-access-enabled',
  title: 'Cloud Storage buckets use uniform bucket-level access',
  provider: 'gcp',
  service: 'storage',
  resourceType: 'gcp.storage.bucket',
  duty: 'least-privilege',
  severity: 'medium',
  rationale:
    'With fine-grained ACLs each object can carry its own grants, invisible in the bucket policy and easy to leave public. ' +
    'Uniform bucket-level access makes IAM the only way in, so one policy tells who can read the data.',
  remediation: {
    text: 'Move any object ACL grants into the bucket IAM policy, then enable uniform bucket-level access.',
    cli: 'gcloud storage buckets update gs://BUCKET --uniform-bucket-level-access',
  },
  references: ['https://cloud.google.com/storage/docs/uniform-bucket-level-access', 'CIS Google Cloud Platform Foundation 3.0.0 5.2'],
  assess(bucket, ctx) {
    return bucket.data.uniformBucketLevelAccess
      ? ctx.pass('Uniform bucket-level access is on', { uniformBucketLevelAccess: true })
      : ctx.fail('Object ACLs are still in effect', { uniformBucketLevelAccess: false });
  },
});

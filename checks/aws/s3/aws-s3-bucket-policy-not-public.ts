import { defineCheck } from '../../../src/core/check.js';
import { accountPublicAccessBlock, effectiveBlock } from '../lib/s3.js';

export default defineCheck({
  id: 'aws-s3-bucket-policy-not-public',
  title: 'S3 bucket policies do not make the bucket public',
  provider: 'aws',
  service: 's3',
  resourceType: 'aws.s3.bucket',
  uses: ['aws.s3.account-public-access-block'],
  duty: 'network-exposure',
  severity: 'critical',
  rationale:
    'A bucket policy allowing "*" without a narrowing condition opens the data to anyone. S3\'s own policy-status analysis (GetBucketPolicyStatus) decides what counts as public.',
  remediation: {
    text: 'Remove or narrow the statements allowing Principal "*" (add aws:SourceVpce, aws:PrincipalOrgID or a CloudFront origin access control), or turn on RestrictPublicBuckets.',
    cli: 'aws s3api get-bucket-policy --bucket BUCKET',
  },
  assess(bucket, ctx) {
    const status = ctx.known(bucket.data.policyStatus);
    if (status === null) return ctx.pass('The bucket has no policy', { hasPolicy: false });
    if (!status.isPublic) return ctx.pass('The bucket policy is not public', { hasPolicy: true, isPublic: false });
    const effective = effectiveBlock(ctx.known(bucket.data.publicAccessBlock), accountPublicAccessBlock(ctx));
    return effective.restrictPublicBuckets
      ? ctx.pass('The policy is public, but RestrictPublicBuckets limits it to AWS services and the owner', { hasPolicy: true, isPublic: true, restrictPublicBuckets: true })
      : ctx.fail('The bucket policy makes the bucket public', { hasPolicy: true, isPublic: true, restrictPublicBuckets: false });
  },
});

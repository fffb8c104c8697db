import { defineCheck } from '../../../src/core/check.js';
import { accountPublicAccessBlock, allBlocked, effectiveBlock, unblockedFlags } from '../lib/s3.js';

export default defineCheck({
  id: 'aws-s3-bucket-public-access-blocked',
  title: 'S3 buckets have Block Public Access on, at bucket or account level',
  provider: 'aws',
  service: 's3',
  resourceType: 'aws.s3.bucket',
  uses: ['aws.s3.account-public-access-block'],
  duty: 'network-exposure',
  severity: 'high',
  rationale: 'With Block Public Access on, no ACL or bucket policy can make the bucket\'s data public, whatever a later change says.',
  remediation: {
    text: 'Turn on the four Block Public Access settings on the bucket, or once for the whole account.',
    cli: 'aws s3api put-public-access-block --bucket BUCKET --public-access-block-configuration BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true',
  },
  assess(bucket, ctx) {
    const own = ctx.known(bucket.data.publicAccessBlock);
    const account = accountPublicAccessBlock(ctx);
    const effective = effectiveBlock(own, account);
    const evidence = { bucket: own, account, off: unblockedFlags(effective) };
    return allBlocked(effective)
      ? ctx.pass('Public access is blocked for this bucket', evidence)
      : ctx.fail(`Block Public Access settings off for this bucket: ${evidence.off.join(', ')}`, evidence);
  },
});

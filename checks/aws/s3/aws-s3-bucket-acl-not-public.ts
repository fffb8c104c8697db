import { defineCheck } from '../../../src/core/check.js';
import { accountPublicAccessBlock, effectiveBlock, publicGrants } from '../lib/s3.js';

export default defineCheck({
  id: 'aws-s3-bucket-acl-not-public',
  title: 'S3 bucket ACLs grant nothing to everyone or to all AWS users',
  provider: 'aws',
  service: 's3',
  resourceType: 'aws.s3.bucket',
  uses: ['aws.s3.account-public-access-block'],
  duty: 'network-exposure',
  severity: 'critical',
  rationale:
    'A grant to AllUsers or AuthenticatedUsers (any AWS customer at all) publishes the bucket\'s listing or contents to the internet, the classic S3 data leak.',
  remediation: {
    text: 'Set Object Ownership to "bucket owner enforced", which disables ACLs, after moving any access the ACL gave into the bucket policy.',
    cli: 'aws s3api put-bucket-ownership-controls --bucket BUCKET --ownership-controls Rules=[{ObjectOwnership=BucketOwnerEnforced}]',
  },
  assess(bucket, ctx) {
    const acl = ctx.known(bucket.data.aclGrants);
    if (acl === null) {
      return ctx.pass('ACLs are disabled (Object Ownership is bucket owner enforced): no ACL grants anything', { objectOwnership: ctx.known(bucket.data.objectOwnership) });
    }
    const grants = publicGrants(acl);
    if (grants.length === 0) return ctx.pass('The ACL grants nothing to public groups', { publicGrants: grants });
    const effective = effectiveBlock(ctx.known(bucket.data.publicAccessBlock), accountPublicAccessBlock(ctx));
    return effective.ignorePublicAcls
      ? ctx.pass('The ACL has public grants, but IgnorePublicAcls neutralises them', { publicGrants: grants, ignorePublicAcls: true })
      : ctx.fail(`The ACL grants ${grants.map((g) => g.permission).join(', ')} to public groups`, { publicGrants: grants, ignorePublicAcls: false });
  },
});

import { defineCheck } from '../../../src/core/check.js';
import { deniesPlainHttp } from '../lib/policy.js';

export default defineCheck({
  id: 'aws-s3-bucket-secure-transport-required',
  title: 'S3 bucket policies refuse requests that do not use TLS',
  provider: 'aws',
  service: 's3',
  resourceType: 'aws.s3.bucket',
  duty: 'encryption-in-transit',
  severity: 'medium',
  rationale: 'S3 still answers plain HTTP; only a bucket policy denying requests where aws:SecureTransport is false guarantees that data and credentials never cross the network unencrypted.',
  remediation: {
    text: 'Add a statement denying s3:* to Principal "*" on the bucket and its objects when aws:SecureTransport is "false".',
    url: 'https://repost.aws/knowledge-center/s3-bucket-policy-for-config-rule',
  },
  assess(bucket, ctx) {
    const policy = ctx.known(bucket.data.policy);
    if (policy === null) return ctx.fail('The bucket has no policy, so plain HTTP is accepted', { hasPolicy: false });
    const statement = policy.statement.find((s) => deniesPlainHttp(s, 's3'));
    return statement
      ? ctx.pass('The bucket policy denies requests without TLS', { hasPolicy: true, sid: statement.sid })
      : ctx.fail('The bucket policy does not deny requests without TLS', { hasPolicy: true, sid: null });
  },
});

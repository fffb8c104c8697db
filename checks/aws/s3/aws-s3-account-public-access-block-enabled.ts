import { defineCheck } from '../../../src/core/check.js';
import { allBlocked, unblockedFlags } from '../lib/s3.js';

export default defineCheck({
  id: 'aws-s3-account-public-access-block-enabled',
  title: 'S3 Block Public Access is on for the whole account',
  provider: 'aws',
  service: 's3',
  resourceType: 'aws.s3.account-public-access-block',
  duty: 'network-exposure',
  severity: 'high',
  rationale:
    'The account-level block overrides every bucket\'s ACLs and policies, so one setting stops any bucket, present or future, from being opened to the internet by mistake.',
  remediation: {
    text: 'Turn on all four Block Public Access settings for the account (and serve public content through CloudFront with origin access control instead).',
    cli: 'aws s3control put-public-access-block --account-id ACCOUNT --public-access-block-configuration BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true',
  },
  assess(setting, ctx) {
    const block = setting.data.publicAccessBlock;
    const off = unblockedFlags(block);
    return allBlocked(block)
      ? ctx.pass('All four account-level Block Public Access settings are on', { publicAccessBlock: block })
      : ctx.fail(block === null ? 'No account-level Block Public Access is set' : `Account-level settings off: ${off.join(', ')}`, { publicAccessBlock: block, off });
  },
});

import { defineCheck } from '../../../src/core/check.js';

export default defineCheck({
  id: 'aws-ec2-instance-imdsv2-required',
  title: 'EC2 instances require IMDSv2 for instance metadata',
  provider: 'aws',
  service: 'ec2',
  resourceType: 'aws.ec2.instance',
  duty: 'least-privilege',
  severity: 'high',
  rationale:
    'IMDSv1 answers any GET from the instance, so one server-side request forgery bug hands out the instance role\'s credentials (the Capital One breach). IMDSv2\'s session token stops that.',
  remediation: {
    text: 'Require IMDSv2 on the instance (after checking its SDKs are recent enough), and set it as the account default for new instances.',
    cli: 'aws ec2 modify-instance-metadata-options --instance-id INSTANCE --http-tokens required --http-endpoint enabled',
  },
  assess(instance, ctx) {
    const { state, metadataOptions } = instance.data;
    if (state === 'terminated' || state === 'shutting-down') return ctx.notApplicable(`The instance is ${state}`, { state });
    if (metadataOptions.httpEndpoint === 'disabled') return ctx.pass('The metadata service is disabled', { httpEndpoint: 'disabled' });
    return metadataOptions.httpTokens === 'required'
      ? ctx.pass('IMDSv2 is required', { httpTokens: 'required' })
      : ctx.fail('IMDSv1 is allowed', { httpTokens: metadataOptions.httpTokens });
  },
});

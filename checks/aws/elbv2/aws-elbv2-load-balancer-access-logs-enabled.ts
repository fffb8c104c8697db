import { defineCheck } from '../../../src/core/check.js';

export default defineCheck({
  id: 'aws-elbv2-load-balancer-access-logs-enabled',
  title: 'Application and network load balancers write access logs',
  provider: 'aws',
  service: 'elbv2',
  resourceType: 'aws.elbv2.load-balancer',
  duty: 'logging',
  severity: 'medium',
  rationale: 'Access logs are the only record of who reached the service from where: client addresses, requests, TLS versions. They are off by default.',
  remediation: {
    text: 'Enable access logs to an S3 bucket whose policy lets the Elastic Load Balancing service write.',
    cli: 'aws elbv2 modify-load-balancer-attributes --load-balancer-arn ARN --attributes Key=access_logs.s3.enabled,Value=true Key=access_logs.s3.bucket,Value=BUCKET',
  },
  assess(lb, ctx) {
    if (lb.data.type === 'gateway') return ctx.notApplicable('Gateway load balancers have no access logs', { type: 'gateway' });
    const attributes = ctx.known(lb.data.attributes);
    const bucket = attributes['access_logs.s3.bucket'] || null;
    return attributes['access_logs.s3.enabled'] === 'true'
      ? ctx.pass(`Access logs go to ${bucket ?? 'S3'}`, { enabled: true, bucket })
      : ctx.fail('Access logs are off', { enabled: false, bucket });
  },
});

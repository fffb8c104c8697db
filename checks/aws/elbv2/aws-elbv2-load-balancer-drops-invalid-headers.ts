import { defineCheck } from '../../../src/core/check.js';

export default defineCheck({
  id: 'aws-elbv2-load-balancer-drops-invalid-headers',
  title: 'Application load balancers drop invalid HTTP header fields',
  provider: 'aws',
  service: 'elbv2',
  resourceType: 'aws.elbv2.load-balancer',
  duty: 'network-exposure',
  severity: 'low',
  rationale: 'Forwarding malformed header fields lets request-smuggling and header-injection attacks reach the targets behind the load balancer; dropping them is an attribute, off by default.',
  remediation: {
    text: 'Set routing.http.drop_invalid_header_fields.enabled to true.',
    cli: 'aws elbv2 modify-load-balancer-attributes --load-balancer-arn ARN --attributes Key=routing.http.drop_invalid_header_fields.enabled,Value=true',
  },
  assess(lb, ctx) {
    if (lb.data.type !== 'application') return ctx.notApplicable(`A ${lb.data.type} load balancer does not parse HTTP headers`, { type: lb.data.type });
    const on = ctx.known(lb.data.attributes)['routing.http.drop_invalid_header_fields.enabled'] === 'true';
    return on ? ctx.pass('Invalid header fields are dropped', { dropInvalidHeaderFields: true }) : ctx.fail('Invalid header fields are forwarded', { dropInvalidHeaderFields: false });
  },
});

import { defineCheck } from '../../../src/core/check.js';

export default defineCheck({
  id: 'aws-elbv2-load-balancer-deletion-protection-enabled',
  title: 'Load balancers have deletion protection on',
  provider: 'aws',
  service: 'elbv2',
  resourceType: 'aws.elbv2.load-balancer',
  duty: 'backups',
  severity: 'low',
  rationale: 'A deleted load balancer takes its DNS name with it; recreating it gives a new name every client and record must follow. Deletion protection makes deleting it a deliberate two-step act.',
  remediation: {
    text: 'Turn on deletion protection.',
    cli: 'aws elbv2 modify-load-balancer-attributes --load-balancer-arn ARN --attributes Key=deletion_protection.enabled,Value=true',
  },
  assess(lb, ctx) {
    const on = ctx.known(lb.data.attributes)['deletion_protection.enabled'] === 'true';
    return on ? ctx.pass('Deletion protection is on', { deletionProtection: true }) : ctx.fail('Deletion protection is off', { deletionProtection: false });
  },
});

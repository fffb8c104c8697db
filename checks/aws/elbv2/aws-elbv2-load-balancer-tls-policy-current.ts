import picomatch from 'picomatch';
import { defineCheck } from '../../../src/core/check.js';

export default defineCheck({
  id: 'aws-elbv2-load-balancer-tls-policy-current',
  title: 'HTTPS and TLS listeners use a security policy of TLS 1.2 or later',
  provider: 'aws',
  service: 'elbv2',
  resourceType: 'aws.elbv2.load-balancer',
  duty: 'encryption-in-transit',
  severity: 'medium',
  rationale: 'Security policies such as ELBSecurityPolicy-2016-08 still accept TLS 1.0 and 1.1 and weak ciphers. The accepted policies are params.allowedPolicies (globs over the policy name); anything else, including custom names, fails.',
  remediation: {
    text: 'Set a TLS 1.2+ policy (ELBSecurityPolicy-TLS13-1-2-2021-06 is the recommended default).',
    cli: 'aws elbv2 modify-listener --listener-arn LISTENER --ssl-policy ELBSecurityPolicy-TLS13-1-2-2021-06',
  },
  defaults: { allowedPolicies: ['ELBSecurityPolicy-TLS13-*', 'ELBSecurityPolicy-TLS-1-2-*', 'ELBSecurityPolicy-FS-1-2-*'] as string[] },
  assess(lb, ctx) {
    const tls = ctx.known(lb.data.listeners).filter((l) => l.protocol === 'HTTPS' || l.protocol === 'TLS');
    if (tls.length === 0) return ctx.notApplicable('No HTTPS or TLS listener', { listeners: 0 });
    const allowed = picomatch(ctx.params.allowedPolicies);
    const outdated = tls.filter((l) => l.sslPolicy === null || !allowed(l.sslPolicy));
    const evidence = { policies: tls.map((l) => ({ port: l.port, sslPolicy: l.sslPolicy })) };
    return outdated.length === 0
      ? ctx.pass(`TLS 1.2+ policies on ${tls.length} listener(s)`, evidence)
      : ctx.fail(`Outdated TLS policy: ${outdated.map((l) => `${l.sslPolicy ?? 'none'} on port ${l.port}`).join(', ')}`, evidence);
  },
});

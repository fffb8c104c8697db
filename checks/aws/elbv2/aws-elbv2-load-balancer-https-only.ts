import { defineCheck } from '../../../src/core/check.js';

export default defineCheck({
  id: 'aws-elbv2-load-balancer-https-only',
  title: 'Internet-facing application load balancers redirect plain HTTP to HTTPS',
  provider: 'aws',
  service: 'elbv2',
  resourceType: 'aws.elbv2.load-balancer',
  duty: 'encryption-in-transit',
  severity: 'high',
  rationale: 'An internet-facing HTTP listener that forwards requests carries session cookies, credentials and data in clear text across the internet. The listener\'s default action must redirect to HTTPS (listener rules are not read).',
  remediation: {
    text: 'Change the HTTP listener\'s default action to a permanent redirect to HTTPS on port 443, or remove it.',
    cli: 'aws elbv2 modify-listener --listener-arn LISTENER --default-actions \'Type=redirect,RedirectConfig={Protocol=HTTPS,Port=443,StatusCode=HTTP_301}\'',
  },
  assess(lb, ctx) {
    const { type, scheme } = lb.data;
    if (type !== 'application') return ctx.notApplicable(`A ${type} load balancer: HTTP listeners are an application load balancer's`, { type, scheme });
    if (scheme !== 'internet-facing') return ctx.notApplicable('An internal load balancer', { type, scheme });
    const listeners = ctx.known(lb.data.listeners);
    const plain = listeners.filter((l) => l.protocol === 'HTTP' &&
      !(l.defaultActions[0]?.type === 'redirect' && l.defaultActions[0].redirectProtocol === 'HTTPS'));
    const evidence = { scheme, plainHttpListeners: plain.map((l) => ({ port: l.port, defaultAction: l.defaultActions[0]?.type ?? null })) };
    return plain.length === 0
      ? ctx.pass('No listener serves plain HTTP', evidence)
      : ctx.fail(`Plain HTTP served on port ${plain.map((l) => l.port).join(', ')}`, evidence);
  },
});

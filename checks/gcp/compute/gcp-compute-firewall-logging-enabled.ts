import { defineCheck } from '../../../src/core/check.js';
import type {} from '../../../providers/gcp/model/types.js';

export default defineCheck({
  id: 'gcp-compute-firewall-logging-enabled',
  title: 'Firewall rules that admit traffic log their connections',
  provider: 'gcp',
  service: 'compute',
  resourceType: 'gcp.compute.firewall',
  duty: 'logging',
  severity: 'low',
  rationale:
    'Firewall Rules Logging records each connection a rule allowed or denied; without it there is no record of who reached an exposed port, or of what a deny rule stopped.',
  remediation: {
    text: 'Turn on logging for the rule (metadata can be left out to reduce volume).',
    cli: 'gcloud compute firewall-rules update RULE --enable-logging',
  },
  references: ['https://cloud.google.com/firewall/docs/firewall-rules-logging'],
  assess(rule, ctx) {
    if (rule.data.disabled || rule.data.direction !== 'INGRESS') {
      return ctx.notApplicable(rule.data.disabled ? 'The rule is disabled' : 'An egress rule', { direction: rule.data.direction, disabled: rule.data.disabled });
    }
    return rule.data.logging
      ? ctx.pass('Connections are logged', { logging: true, network: rule.data.network })
      : ctx.fail('Connections are not logged', { logging: false, network: rule.data.network, sourceRanges: rule.data.sourceRanges });
  },
});

import { defineCheck } from '../../../src/core/check.js';
import type {} from '../../../providers/gcp/model/types.js';

export default defineCheck({
  id: 'gcp-functions-function-https-only',
  title: 'HTTP-triggered Cloud Functions refuse plain HTTP',
  provider: 'gcp',
  service: 'functions',
  resourceType: 'gcp.functions.function',
  duty: 'encryption-in-transit',
  severity: 'medium',
  rationale:
    'A 1st gen function with the SECURE_OPTIONAL security level also answers plain HTTP, so requests, their tokens and the answers can cross the network unencrypted.',
  remediation: {
    text: 'Redeploy the function with --security-level=secure-always (2nd gen functions serve HTTPS only).',
    cli: 'gcloud functions deploy FUNCTION --no-gen2 --trigger-http --security-level=secure-always',
  },
  references: ['https://cloud.google.com/functions/docs/writing/write-http-functions#security_levels'],
  assess(fn, ctx) {
    const { httpTrigger, httpsSecurityLevel, generation } = fn.data;
    if (!httpTrigger) return ctx.notApplicable('An event-triggered function has no HTTP endpoint', { httpTrigger });
    if (generation === 2) return ctx.pass('A 2nd gen function serves HTTPS only', { generation });
    return httpsSecurityLevel === 'SECURE_ALWAYS'
      ? ctx.pass('Plain HTTP is redirected to HTTPS', { httpsSecurityLevel })
      : ctx.fail('The function also answers plain HTTP', { httpsSecurityLevel });
  },
});

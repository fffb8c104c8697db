import { defineCheck } from '../../../src/core/check.js';
import type {} from '../../../providers/gcp/model/types.js';

export default defineCheck({
  id: 'gcp-functions-function-ingress-restricted',
  title: 'Cloud Functions accept traffic only from the VPC or a load balancer',
  provider: 'gcp',
  service: 'functions',
  resourceType: 'gcp.functions.function',
  duty: 'network-exposure',
  severity: 'low',
  rationale:
    'With ingress ALLOW_ALL the function\'s URL answers the internet directly, past any Cloud Armor policy or load balancer that fronts it.',
  remediation: {
    text: 'Set the ingress settings to internal-only, or internal-and-gclb behind an external load balancer.',
    cli: 'gcloud functions deploy FUNCTION --ingress-settings=internal-and-gclb',
  },
  references: ['https://cloud.google.com/functions/docs/networking/network-settings#ingress_settings'],
  assess(fn, ctx) {
    const { ingressSettings, httpTrigger } = fn.data;
    if (!httpTrigger) return ctx.notApplicable('An event-triggered function has no HTTP endpoint', { httpTrigger });
    return ingressSettings === 'ALLOW_ALL'
      ? ctx.fail('The function accepts traffic from the internet directly', { ingressSettings })
      : ctx.pass(`Ingress is ${ingressSettings}`, { ingressSettings });
  },
});

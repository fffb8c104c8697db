import { defineCheck } from '../../../src/core/check.js';
import type {} from '../../../providers/gcp/model/types.js';

export default defineCheck({
  id: 'gcp-run-service-ingress-restricted',
  title: 'Cloud Run services accept traffic only from the VPC or a load balancer',
  provider: 'gcp',
  service: 'run',
  resourceType: 'gcp.run.service',
  duty: 'network-exposure',
  severity: 'low',
  rationale:
    'Ingress `all` serves the run.app URL to the internet directly, past any Cloud Armor policy or load balancer that fronts the service.',
  remediation: {
    text: 'Set ingress to internal, or to internal-and-cloud-load-balancing behind an external load balancer.',
    cli: 'gcloud run services update SERVICE --region=REGION --ingress=internal-and-cloud-load-balancing',
  },
  references: ['https://cloud.google.com/run/docs/securing/ingress'],
  assess(service, ctx) {
    const { ingress } = service.data;
    return ingress === 'all'
      ? ctx.fail('The service accepts traffic from the internet directly', { ingress })
      : ctx.pass(`Ingress is ${ingress}`, { ingress });
  },
});

import { defineCheck } from '../../../src/core/check.js';
import type {} from '../../../providers/gcp/model/types.js';
import { judgePublicPolicy } from '../support.js';

export default defineCheck({
  id: 'gcp-run-service-not-public',
  title: 'Cloud Run services cannot be invoked by allUsers or allAuthenticatedUsers',
  provider: 'gcp',
  service: 'run',
  resourceType: 'gcp.run.service',
  duty: 'network-exposure',
  severity: 'high',
  rationale:
    'Granting the invoker role to allUsers makes the service callable by anyone without authentication; unless it is a deliberate public website, every request bypasses identity checks.',
  remediation: {
    text: 'Remove allUsers and allAuthenticatedUsers from the service\'s IAM policy and authenticate callers (IAM, IAP or a load balancer in front).',
    cli: 'gcloud run services remove-iam-policy-binding SERVICE --region=REGION --member=allUsers --role=roles/run.invoker',
  },
  references: ['https://cloud.google.com/run/docs/securing/managing-access'],
  assess(service, ctx) {
    return judgePublicPolicy(ctx.known(service.data.iamBindings), ctx, 'service');
  },
});

import { defineCheck } from '../../../src/core/check.js';
import type {} from '../../../providers/gcp/model/types.js';
import { judgePublicPolicy } from '../support.js';

export default defineCheck({
  id: 'gcp-functions-function-not-public',
  title: 'Cloud Functions cannot be invoked by allUsers or allAuthenticatedUsers',
  provider: 'gcp',
  service: 'functions',
  resourceType: 'gcp.functions.function',
  duty: 'network-exposure',
  severity: 'high',
  rationale:
    'A public invoker binding lets anyone on the internet run the function with its service account\'s permissions. (A 2nd gen function\'s invoker is its Cloud Run service, judged by gcp-run-service-not-public.)',
  remediation: {
    text: 'Remove allUsers and allAuthenticatedUsers from the function\'s IAM policy and authenticate callers.',
    cli: 'gcloud functions remove-iam-policy-binding FUNCTION --region=REGION --member=allUsers --role=roles/cloudfunctions.invoker',
  },
  references: ['https://cloud.google.com/functions/docs/securing/managing-access-iam'],
  assess(fn, ctx) {
    return judgePublicPolicy(ctx.known(fn.data.iamBindings), ctx, 'function');
  },
});

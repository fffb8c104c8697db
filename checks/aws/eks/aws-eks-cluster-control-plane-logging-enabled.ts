import { defineCheck } from '../../../src/core/check.js';

export default defineCheck({
  id: 'aws-eks-cluster-control-plane-logging-enabled',
  title: 'EKS clusters send the API, audit and authenticator control-plane logs',
  provider: 'aws',
  service: 'eks',
  resourceType: 'aws.eks.cluster',
  duty: 'logging',
  severity: 'medium',
  rationale: 'Without the audit and authenticator logs, nothing records who did what inside the cluster: the Kubernetes API calls are not in CloudTrail. The log types required are params.requiredLogTypes.',
  remediation: {
    text: 'Enable the missing control-plane log types (they go to CloudWatch Logs).',
    cli: 'aws eks update-cluster-config --name CLUSTER --logging \'{"clusterLogging":[{"types":["api","audit","authenticator"],"enabled":true}]}\'',
  },
  defaults: { requiredLogTypes: ['api', 'audit', 'authenticator'] as string[] },
  assess(cluster, ctx) {
    const enabled = cluster.data.enabledLogTypes;
    const missing = ctx.params.requiredLogTypes.filter((t) => !enabled.includes(t));
    const evidence = { enabledLogTypes: enabled, missing };
    return missing.length === 0
      ? ctx.pass(`Control-plane logs on: ${enabled.join(', ')}`, evidence)
      : ctx.fail(`Control-plane logs off: ${missing.join(', ')}`, evidence);
  },
});

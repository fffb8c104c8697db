import { defineCheck } from '../../../src/core/check.js';
import type {} from '../../../providers/gcp/model/types.js';

export default defineCheck({
  id: 'gcp-gke-cluster-logging-enabled',
  title: 'GKE clusters send their logs to Cloud Logging',
  provider: 'gcp',
  service: 'gke',
  resourceType: 'gcp.container.cluster',
  duty: 'logging',
  severity: 'medium',
  rationale:
    'Without Cloud Logging, the API server audit trail and the workloads\' logs stay on the nodes, where an incident or an attacker erases them.',
  remediation: {
    text: 'Enable Cloud Logging for the system components and workloads of the cluster.',
    cli: 'gcloud container clusters update CLUSTER --location=LOCATION --logging=SYSTEM,WORKLOAD',
  },
  references: ['https://cloud.google.com/kubernetes-engine/docs/how-to/config-logging-monitoring'],
  assess(cluster, ctx) {
    const { loggingService } = cluster.data;
    return loggingService !== 'none'
      ? ctx.pass('Logs go to Cloud Logging', { loggingService })
      : ctx.fail('Cloud Logging is off', { loggingService });
  },
});

import { defineCheck } from '../../../src/core/check.js';
import type {} from '../../../providers/gcp/model/types.js';

export default defineCheck({
  id: 'gcp-gke-cluster-workload-identity-enabled',
  title: 'GKE clusters use Workload Identity',
  provider: 'gcp',
  service: 'gke',
  resourceType: 'gcp.container.cluster',
  duty: 'credentials',
  severity: 'medium',
  rationale:
    'Without Workload Identity, pods act as the node service account and can read the metadata server; every workload shares one identity and its token can be stolen from any pod.',
  remediation: {
    text: 'Enable Workload Identity on the cluster and its node pools, and give each workload its own Kubernetes service account bound to an IAM identity.',
    cli: 'gcloud container clusters update CLUSTER --location=LOCATION --workload-pool=PROJECT_ID.svc.id.goog',
  },
  references: ['https://cloud.google.com/kubernetes-engine/docs/how-to/workload-identity'],
  assess(cluster, ctx) {
    const { workloadPool } = cluster.data;
    return workloadPool !== null
      ? ctx.pass('Workload Identity is on', { workloadPool })
      : ctx.fail('Workload Identity is off: pods act as the node service account', { workloadPool });
  },
});

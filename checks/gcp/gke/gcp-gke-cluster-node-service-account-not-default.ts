import { defineCheck } from '../../../src/core/check.js';
import type {} from '../../../providers/gcp/model/types.js';
import { judgeNodePools } from '../support.js';

export default defineCheck({
  id: 'gcp-gke-cluster-node-service-account-not-default',
  title: 'GKE node pools do not run as the Compute Engine default service account',
  provider: 'gcp',
  service: 'gke',
  resourceType: 'gcp.container.cluster',
  duty: 'least-privilege',
  severity: 'medium',
  rationale:
    'The Compute Engine default service account often holds the Editor role: every pod that reaches the node credentials then acts as a project editor.',
  remediation: {
    text: 'Create a minimal service account for the nodes (logging, monitoring and artifact read only) and run the node pools as it.',
    cli: 'gcloud container node-pools create POOL --cluster=CLUSTER --location=LOCATION --service-account=NODES_SA_EMAIL',
  },
  references: ['https://cloud.google.com/kubernetes-engine/docs/how-to/hardening-your-cluster#use_least_privilege_sa'],
  assess(cluster, ctx) {
    return judgeNodePools(cluster.data.nodePools, ctx, (p) => p.serviceAccount !== 'default' && !p.serviceAccount.endsWith('-compute@developer.gserviceaccount.com'), 'a dedicated service account');
  },
});

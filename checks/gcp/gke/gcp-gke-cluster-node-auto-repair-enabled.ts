import { defineCheck } from '../../../src/core/check.js';
import type {} from '../../../providers/gcp/model/types.js';
import { judgeNodePools } from '../support.js';

export default defineCheck({
  id: 'gcp-gke-cluster-node-auto-repair-enabled',
  title: 'GKE node pools repair failed nodes automatically',
  provider: 'gcp',
  service: 'gke',
  resourceType: 'gcp.container.cluster',
  duty: 'incident-readiness',
  severity: 'low',
  rationale:
    'Auto-repair replaces nodes that fail health checks; without it a broken node keeps its workloads down until someone notices.',
  remediation: {
    text: 'Enable auto-repair on every node pool.',
    cli: 'gcloud container node-pools update POOL --cluster=CLUSTER --location=LOCATION --enable-autorepair',
  },
  references: ['https://cloud.google.com/kubernetes-engine/docs/how-to/node-auto-repair'],
  assess(cluster, ctx) {
    return judgeNodePools(cluster.data.nodePools, ctx, (p) => p.autoRepair, 'auto-repair');
  },
});

import { defineCheck } from '../../../src/core/check.js';
import type {} from '../../../providers/gcp/model/types.js';
import { judgeNodePools } from '../support.js';

export default defineCheck({
  id: 'gcp-gke-cluster-node-secure-boot-enabled',
  title: 'GKE node pools boot with Secure Boot',
  provider: 'gcp',
  service: 'gke',
  resourceType: 'gcp.container.cluster',
  duty: 'patching',
  severity: 'low',
  rationale:
    'Secure Boot lets nodes run only signed boot components, so a rootkit cannot persist in the boot chain of a compromised node.',
  remediation: {
    text: 'Create node pools with Secure Boot and migrate the workloads to them.',
    cli: 'gcloud container node-pools create POOL --cluster=CLUSTER --location=LOCATION --shielded-secure-boot',
  },
  references: ['https://cloud.google.com/kubernetes-engine/docs/how-to/shielded-gke-nodes#secure_boot'],
  assess(cluster, ctx) {
    return judgeNodePools(cluster.data.nodePools, ctx, (p) => p.secureBoot, 'Secure Boot');
  },
});

import { defineCheck } from '../../../src/core/check.js';
import type {} from '../../../providers/gcp/model/types.js';
import { judgeNodePools } from '../support.js';

export default defineCheck({
  id: 'gcp-gke-cluster-node-auto-upgrade-enabled',
  title: 'GKE node pools upgrade automatically',
  provider: 'gcp',
  service: 'gke',
  resourceType: 'gcp.container.cluster',
  duty: 'patching',
  severity: 'medium',
  rationale:
    'Node auto-upgrade keeps the nodes\' Kubernetes and OS images patched with the control plane; a pool without it runs known vulnerabilities until someone upgrades it by hand.',
  remediation: {
    text: 'Enable auto-upgrade on every node pool.',
    cli: 'gcloud container node-pools update POOL --cluster=CLUSTER --location=LOCATION --enable-autoupgrade',
  },
  references: ['https://cloud.google.com/kubernetes-engine/docs/how-to/node-auto-upgrades'],
  assess(cluster, ctx) {
    return judgeNodePools(cluster.data.nodePools, ctx, (p) => p.autoUpgrade, 'auto-upgrade');
  },
});

import { defineCheck } from '../../../src/core/check.js';
import type {} from '../../../providers/gcp/model/types.js';

export default defineCheck({
  id: 'gcp-gke-cluster-shielded-nodes-enabled',
  title: 'GKE clusters run Shielded GKE Nodes',
  provider: 'gcp',
  service: 'gke',
  resourceType: 'gcp.container.cluster',
  duty: 'patching',
  severity: 'medium',
  rationale:
    'Shielded nodes prove their identity and boot integrity to the control plane, so a compromised pod cannot impersonate a node to read the cluster\'s secrets.',
  remediation: {
    text: 'Enable Shielded GKE Nodes on the cluster (nodes are recreated).',
    cli: 'gcloud container clusters update CLUSTER --location=LOCATION --enable-shielded-nodes',
  },
  references: ['https://cloud.google.com/kubernetes-engine/docs/how-to/shielded-gke-nodes'],
  assess(cluster, ctx) {
    return cluster.data.shieldedNodes
      ? ctx.pass('Shielded GKE Nodes are on', { shieldedNodes: true, autopilot: cluster.data.autopilot })
      : ctx.fail('Shielded GKE Nodes are off', { shieldedNodes: false });
  },
});

import { defineCheck } from '../../../src/core/check.js';
import type {} from '../../../providers/gcp/model/types.js';

export default defineCheck({
  id: 'gcp-gke-cluster-private-nodes-enabled',
  title: 'GKE nodes have internal IP addresses only',
  provider: 'gcp',
  service: 'gke',
  resourceType: 'gcp.container.cluster',
  duty: 'network-exposure',
  severity: 'medium',
  rationale:
    'Nodes with public IP addresses are reachable from the internet on every port their firewall rules leave open, including the kubelet and NodePort services.',
  remediation: {
    text: 'Create the cluster (or new node pools) with private nodes, and reach the internet through Cloud NAT.',
    cli: 'gcloud container node-pools create POOL --cluster=CLUSTER --location=LOCATION --enable-private-nodes',
  },
  references: ['https://cloud.google.com/kubernetes-engine/docs/concepts/private-cluster-concept'],
  assess(cluster, ctx) {
    return cluster.data.privateNodes
      ? ctx.pass('Nodes have internal IP addresses only', { privateNodes: true })
      : ctx.fail('Nodes have public IP addresses', { privateNodes: false });
  },
});

import { defineCheck } from '../../../src/core/check.js';
import type {} from '../../../providers/gcp/model/types.js';

export default defineCheck({
  id: 'gcp-gke-cluster-network-policy-enabled',
  title: 'GKE clusters enforce network policies',
  provider: 'gcp',
  service: 'gke',
  resourceType: 'gcp.container.cluster',
  duty: 'network-exposure',
  severity: 'low',
  rationale:
    'Without network policy enforcement every pod can reach every other pod, so one compromised workload reaches the databases and internal APIs of all the others.',
  remediation: {
    text: 'Enable GKE Dataplane V2 or network policy enforcement, then add policies that deny traffic by default.',
    cli: 'gcloud container clusters update CLUSTER --location=LOCATION --enable-network-policy',
  },
  references: ['https://cloud.google.com/kubernetes-engine/docs/how-to/network-policy'],
  assess(cluster, ctx) {
    return cluster.data.networkPolicy
      ? ctx.pass('Network policies are enforced', { networkPolicy: true })
      : ctx.fail('Network policies are not enforced: every pod reaches every other', { networkPolicy: false });
  },
});

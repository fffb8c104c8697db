import { defineCheck } from '../../../src/core/check.js';
import type {} from '../../../providers/gcp/model/types.js';

const ANYWHERE = ['0.0.0.0/0', '::/0'];

export default defineCheck({
  id: 'gcp-gke-cluster-control-plane-restricted',
  title: 'GKE control planes answer only on a private endpoint or to authorised networks',
  provider: 'gcp',
  service: 'gke',
  resourceType: 'gcp.container.cluster',
  duty: 'network-exposure',
  severity: 'high',
  rationale:
    'A control plane whose public endpoint accepts every address leaves the Kubernetes API, and any flaw or leaked credential in it, ' +
    'one request away from the whole internet. A private endpoint or a short list of authorised networks keeps it to the administrators.',
  remediation: {
    text: 'Enable master authorised networks with the administrators\' ranges, or make the endpoint private.',
    cli: 'gcloud container clusters update CLUSTER --location=LOCATION --enable-master-authorized-networks --master-authorized-networks=CIDR',
  },
  references: ['https://cloud.google.com/kubernetes-engine/docs/how-to/authorized-networks'],
  assess(cluster, ctx) {
    const { privateEndpoint, authorizedNetworks } = cluster.data;
    const evidence = { privateEndpoint, authorizedNetworks };
    if (privateEndpoint) return ctx.pass('The control plane answers on its private endpoint only', evidence);
    if (authorizedNetworks === null) return ctx.fail('The public endpoint accepts every address (no authorised networks)', evidence);
    const open = authorizedNetworks.filter((c) => ANYWHERE.includes(c));
    return open.length > 0
      ? ctx.fail(`The authorised networks include ${open.join(', ')}`, evidence)
      : ctx.pass('The public endpoint accepts the authorised networks only', evidence);
  },
});

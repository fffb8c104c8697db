import { defineCheck } from '../../../src/core/check.js';
import '../../../providers/azure/model/types.js';

const EVERYWHERE = new Set(['0.0.0.0/0', '0.0.0.0']);

export default defineCheck({
  id: 'azure-aks-cluster-api-server-restricted',
  title: 'AKS API servers are private or limited to authorised IP ranges',
  provider: 'azure',
  service: 'aks',
  resourceType: 'azure.aks.cluster',
  duty: 'network-exposure',
  severity: 'high',
  rationale: 'A public API server with no authorised ranges can be reached, probed and brute-forced from the whole Internet; a private cluster or authorised ranges limit it to known networks.',
  remediation: {
    text: 'Make the cluster private, or set authorised IP ranges to the networks that administer it.',
    cli: 'az aks update --name <cluster> --resource-group <rg> --api-server-authorized-ip-ranges <cidr>[,<cidr>]',
  },
  assess(cluster, ctx) {
    const { privateCluster, authorizedIpRanges } = cluster.data;
    const evidence = { enablePrivateCluster: privateCluster, authorizedIPRanges: authorizedIpRanges };
    if (privateCluster) return ctx.pass('The API server is private', evidence);
    if (authorizedIpRanges.length > 0 && !authorizedIpRanges.some((r) => EVERYWHERE.has(r))) return ctx.pass(`The API server admits ${authorizedIpRanges.length} authorised range(s)`, evidence);
    return ctx.fail('The API server is public and open to every address', evidence);
  },
});

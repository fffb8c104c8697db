import { defineCheck } from '../../../src/core/check.js';
import '../../../providers/azure/model/types.js';

export default defineCheck({
  id: 'azure-aks-cluster-network-policy-enabled',
  title: 'AKS clusters run a network policy engine',
  provider: 'azure',
  service: 'aks',
  resourceType: 'azure.aks.cluster',
  duty: 'network-exposure',
  severity: 'medium',
  rationale: 'Without a network policy engine every pod can reach every other pod: one compromised workload can talk to databases and internal services across all namespaces.',
  remediation: { text: 'Enable a network policy engine (Azure, Calico or Cilium) and write network policies per namespace.', cli: 'az aks update --name <cluster> --resource-group <rg> --network-policy azure' },
  assess(cluster, ctx) {
    const value = cluster.data.networkPolicy;
    const evidence = { networkPolicy: value };
    return value !== null && value.toLowerCase() !== 'none' ? ctx.pass(`Network policy engine: ${value}`, evidence) : ctx.fail('No network policy engine', evidence);
  },
});

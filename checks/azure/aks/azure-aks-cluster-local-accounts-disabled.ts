import { defineCheck } from '../../../src/core/check.js';
import '../../../providers/azure/model/types.js';

export default defineCheck({
  id: 'azure-aks-cluster-local-accounts-disabled',
  title: 'AKS clusters have local accounts disabled',
  provider: 'azure',
  service: 'aks',
  resourceType: 'azure.aks.cluster',
  duty: 'credentials',
  severity: 'high',
  rationale: 'The local cluster-admin account gives full control through a static certificate that anyone with listClusterAdminCredential can fetch, outside Entra ID, MFA and audit by identity.',
  remediation: { text: 'Enable Entra ID integration, then disable local accounts.', cli: 'az aks update --name <cluster> --resource-group <rg> --disable-local-accounts' },
  assess(cluster, ctx) {
    const evidence = { disableLocalAccounts: cluster.data.disableLocalAccounts };
    return cluster.data.disableLocalAccounts ? ctx.pass('Local accounts are disabled', evidence) : ctx.fail('Local accounts are enabled', evidence);
  },
});

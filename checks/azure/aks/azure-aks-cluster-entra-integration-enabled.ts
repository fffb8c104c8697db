import { defineCheck } from '../../../src/core/check.js';
import '../../../providers/azure/model/types.js';

export default defineCheck({
  id: 'azure-aks-cluster-entra-integration-enabled',
  title: 'AKS clusters authenticate users through Entra ID',
  provider: 'azure',
  service: 'aks',
  resourceType: 'azure.aks.cluster',
  duty: 'credentials',
  severity: 'high',
  rationale: 'Without Entra ID integration, access to the Kubernetes API rests on client certificates that cannot be revoked one by one and never pass through MFA or Conditional Access.',
  remediation: { text: 'Enable the AKS-managed Entra ID integration and name the admin group.', cli: 'az aks update --name <cluster> --resource-group <rg> --enable-aad --aad-admin-group-object-ids <group-id>' },
  assess(cluster, ctx) {
    const evidence = { aadManaged: cluster.data.entraIntegration, enableAzureRBAC: cluster.data.azureRbac };
    return cluster.data.entraIntegration ? ctx.pass('Entra ID integration is enabled', evidence) : ctx.fail('The cluster does not use Entra ID integration', evidence);
  },
});

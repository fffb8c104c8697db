import { defineCheck } from '../../../src/core/check.js';
import '../../../providers/azure/model/types.js';

export default defineCheck({
  id: 'azure-aks-cluster-rbac-enabled',
  title: 'AKS clusters enforce Kubernetes RBAC',
  provider: 'azure',
  service: 'aks',
  resourceType: 'azure.aks.cluster',
  duty: 'least-privilege',
  severity: 'high',
  rationale: 'Without Kubernetes RBAC every authenticated user and service account may do anything in the cluster; RBAC is the basis of least privilege there, and can only be set at creation.',
  remediation: { text: 'Recreate the cluster with Kubernetes RBAC enabled (the default) and move the workloads to it.', cli: 'az aks create --name <cluster> --resource-group <rg> --enable-aad --enable-azure-rbac ...' },
  assess(cluster, ctx) {
    const evidence = { enableRBAC: cluster.data.enableRbac, enableAzureRBAC: cluster.data.azureRbac };
    return cluster.data.enableRbac ? ctx.pass('Kubernetes RBAC is enabled', evidence) : ctx.fail('Kubernetes RBAC is disabled', evidence);
  },
});

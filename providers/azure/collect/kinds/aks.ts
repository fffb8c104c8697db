import * as n from '../normalise.js';
import { serviceKind } from './service.js';

export const aksClusters = serviceKind({
  type: 'azure.aks.cluster',
  armType: 'Microsoft.ContainerService/managedClusters',
  apiVersion: '2024-05-01',
  data: (row) => {
    const r = n.flat(row);
    const aad = r['aadProfile'] ? n.obj(r['aadProfile']) : null;
    const api = n.obj(r['apiServerAccessProfile']);
    return {
      resourceGroup: n.located(r).resourceGroup,
      kubernetesVersion: n.str(r['kubernetesVersion']),
      enableRbac: n.bool(r['enableRBAC']) ?? false,
      // The legacy (client/server app) integration is retired: only the managed one counts.
      entraIntegration: aad !== null && (n.bool(aad['managed']) ?? false),
      azureRbac: aad !== null && (n.bool(aad['enableAzureRBAC']) ?? false),
      disableLocalAccounts: n.bool(r['disableLocalAccounts']) ?? false,
      privateCluster: n.bool(api['enablePrivateCluster']) ?? false,
      authorizedIpRanges: n.strings(api['authorizedIPRanges']),
      networkPolicy: n.str(n.obj(r['networkProfile'])['networkPolicy']),
    };
  },
});

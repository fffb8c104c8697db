import * as n from '../normalise.js';
import { serviceKind } from './service.js';

export const recoveryVaults = serviceKind({
  type: 'azure.recoveryservices.vault',
  armType: 'Microsoft.RecoveryServices/vaults',
  // The first version whose vault properties carry the soft-delete and immutability settings.
  apiVersion: '2024-04-01',
  data: (row) => {
    const r = n.flat(row);
    const security = n.obj(r['securitySettings']);
    const softDelete = n.obj(security['softDeleteSettings']);
    return {
      resourceGroup: n.located(r).resourceGroup,
      softDeleteState: n.str(softDelete['softDeleteState']),
      softDeleteRetentionDays: n.num(softDelete['softDeleteRetentionPeriodInDays']),
      immutabilityState: n.str(n.obj(security['immutabilitySettings'])['state']),
      publicNetworkAccess: n.str(r['publicNetworkAccess']),
      storageRedundancy: n.str(n.obj(r['redundancySettings'])['standardTierStorageRedundancy']),
    };
  },
});

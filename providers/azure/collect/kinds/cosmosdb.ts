import '../../model/types.js';
import * as n from '../normalise.js';
import { serviceKind } from './service.js';

export const cosmosAccounts = serviceKind({
  type: 'azure.cosmosdb.account',
  armType: 'Microsoft.DocumentDB/databaseAccounts',
  apiVersion: '2024-05-15',
  data: (row) => {
    const r = n.flat(row);
    const backup = n.obj(r['backupPolicy']);
    return {
      resourceGroup: n.located(r).resourceGroup,
      publicNetworkAccess: n.str(r['publicNetworkAccess']),
      ipRules: Array.isArray(r['ipRules']) ? (r['ipRules'] as unknown[]).map((x) => n.str(n.obj(x)['ipAddressOrRange'])).filter((x): x is string => x !== null) : [],
      virtualNetworkFilter: n.bool(r['isVirtualNetworkFilterEnabled']) ?? false,
      keyVaultKeyUri: n.str(r['keyVaultKeyUri']),
      backupType: n.str(backup['type']),
      continuousTier: n.str(n.obj(backup['continuousModeProperties'])['tier']),
      periodicRetentionHours: n.num(n.obj(backup['periodicModeProperties'])['backupRetentionIntervalInHours']),
      disableLocalAuth: n.bool(r['disableLocalAuth']) ?? false,
      minimalTlsVersion: n.str(r['minimalTlsVersion']),
    };
  },
});

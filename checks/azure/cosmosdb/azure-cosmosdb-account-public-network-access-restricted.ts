import { defineCheck } from '../../../src/core/check.js';
import '../../../providers/azure/model/types.js';
import { publicAccessDisabled } from '../lib/network.js';

export default defineCheck({
  id: 'azure-cosmosdb-account-public-network-access-restricted',
  title: 'Cosmos DB accounts are not reachable from every network',
  provider: 'azure',
  service: 'cosmosdb',
  resourceType: 'azure.cosmosdb.account',
  duty: 'network-exposure',
  severity: 'high',
  rationale:
    'An account with public access and no IP or virtual-network filter accepts connections from the whole Internet, guarded only by its keys. ' +
    'Private endpoints, or a firewall limited to selected networks, keep the data reachable only from where it is used.',
  remediation: {
    text: 'Disable public network access and use private endpoints, or limit the firewall to selected networks and IP ranges.',
    cli: 'az cosmosdb update --name <account> --resource-group <rg> --public-network-access Disabled',
  },
  references: ['CIS Microsoft Azure Foundations 3.0.0 5.4.1'],
  assess(account, ctx) {
    const { publicNetworkAccess, ipRules, virtualNetworkFilter } = account.data;
    const evidence = { publicNetworkAccess, ipRules, isVirtualNetworkFilterEnabled: virtualNetworkFilter };
    if (publicAccessDisabled(publicNetworkAccess)) return ctx.pass('Public network access is disabled', evidence);
    const everywhere = ipRules.some((r) => r === '0.0.0.0/0' || r === '0.0.0.0');
    if (!everywhere && (ipRules.length > 0 || virtualNetworkFilter)) return ctx.pass('Public access is limited to selected networks', evidence);
    return ctx.fail(everywhere ? 'The firewall admits every address' : 'Public access is open to all networks', evidence);
  },
});

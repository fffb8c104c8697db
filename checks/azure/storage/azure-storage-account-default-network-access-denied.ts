import { defineCheck } from '../../../src/core/check.js';
import '../../../providers/azure/model/types.js';

export default defineCheck({
  id: 'azure-storage-account-default-network-access-denied',
  title: 'Storage accounts deny network access by default',
  provider: 'azure',
  service: 'storage',
  resourceType: 'azure.storage.account',
  duty: 'network-exposure',
  severity: 'medium',
  rationale:
    'With the firewall\'s default action set to Allow, the account\'s endpoints accept connections from any network, and a leaked key or SAS works from anywhere. ' +
    'A default of Deny, or public network access disabled, limits access to chosen networks and private endpoints.',
  remediation: {
    text: 'Add the virtual networks and IP ranges that need access, then set the default network action to Deny (or disable public network access).',
    cli: 'az storage account update --name <account> --resource-group <rg> --default-action Deny',
  },
  references: ['CIS Microsoft Azure Foundations 3.0.0 4.7'],
  assess(account, ctx) {
    const { networkDefaultAction, publicNetworkAccess } = account.data;
    const evidence = { defaultAction: networkDefaultAction, publicNetworkAccess };
    if (publicNetworkAccess?.toLowerCase() === 'disabled') return ctx.pass('Public network access is disabled', evidence);
    return networkDefaultAction?.toLowerCase() === 'deny'
      ? ctx.pass('The network default action is Deny', evidence)
      : ctx.fail(`The network default action is ${networkDefaultAction ?? 'Allow (not set)'}`, evidence);
  },
});

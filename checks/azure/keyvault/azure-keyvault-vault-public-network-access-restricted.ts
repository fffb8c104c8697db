import { defineCheck } from '../../../src/core/check.js';
import '../../../providers/azure/model/types.js';
import { publicAccessDisabled } from '../lib/network.js';

export default defineCheck({
  id: 'azure-keyvault-vault-public-network-access-restricted',
  title: 'Key vaults are not reachable from every network',
  provider: 'azure',
  service: 'keyvault',
  resourceType: 'azure.keyvault.vault',
  duty: 'network-exposure',
  severity: 'medium',
  rationale:
    'A vault that accepts traffic from all networks can be reached by anyone holding a stolen token from anywhere. ' +
    'Disabling public access (private endpoints) or a firewall that denies by default limits where its keys and secrets can be used from.',
  remediation: {
    text: 'Disable public network access and use a private endpoint, or set the vault firewall to deny by default and allow only the networks that need it.',
    cli: 'az keyvault update --name <vault> --resource-group <rg> --public-network-access Disabled  # or: --default-action Deny',
  },
  assess(vault, ctx) {
    const { publicNetworkAccess, networkDefaultAction } = vault.data;
    const evidence = { publicNetworkAccess, networkDefaultAction };
    if (publicAccessDisabled(publicNetworkAccess)) return ctx.pass('Public network access is disabled', evidence);
    return networkDefaultAction?.toLowerCase() === 'deny'
      ? ctx.pass('The vault firewall denies by default', evidence)
      : ctx.fail('The vault accepts traffic from all networks', evidence);
  },
});

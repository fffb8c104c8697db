import { defineCheck } from '../../../src/core/check.js';
import '../../../providers/azure/model/types.js';
import { publicAccessDisabled } from '../lib/network.js';

export default defineCheck({
  id: 'azure-recoveryservices-vault-public-network-access-disabled',
  title: 'Recovery Services vaults are reachable through private endpoints only',
  provider: 'azure',
  service: 'recoveryservices',
  resourceType: 'azure.recoveryservices.vault',
  duty: 'network-exposure',
  severity: 'low',
  rationale: 'With public network access disabled, backup and restore traffic of the vault goes through private endpoints only, never over public addresses.',
  remediation: { text: 'Create private endpoints for the vault, then disable public network access.', cli: 'az backup vault update --name <vault> --resource-group <rg> --public-network-access Disable' },
  assess(vault, ctx) {
    const value = vault.data.publicNetworkAccess;
    const evidence = { publicNetworkAccess: value };
    return publicAccessDisabled(value) ? ctx.pass('Public network access is disabled', evidence) : ctx.fail(`Public network access is ${value ?? 'not set (enabled)'}`, evidence);
  },
});

import { defineCheck } from '../../../src/core/check.js';
import '../../../providers/azure/model/types.js';

export default defineCheck({
  id: 'azure-keyvault-vault-rbac-enabled',
  title: 'Key vaults use Azure RBAC rather than access policies',
  provider: 'azure',
  service: 'keyvault',
  resourceType: 'azure.keyvault.vault',
  duty: 'least-privilege',
  severity: 'low',
  rationale:
    'With the access-policy model, anyone who may write the vault resource can grant themselves data access; Azure RBAC separates the two, ' +
    'supports PIM and shows vault data permissions in the same access reviews as everything else.',
  remediation: {
    text: 'Recreate the access-policy grants as Key Vault RBAC role assignments, then switch the vault permission model to Azure RBAC.',
    cli: 'az keyvault update --name <vault> --resource-group <rg> --enable-rbac-authorization true',
  },
  references: ['CIS Microsoft Azure Foundations 3.0.0 3.3.6'],
  assess(vault, ctx) {
    const evidence = { enableRbacAuthorization: vault.data.rbacAuthorization };
    return vault.data.rbacAuthorization
      ? ctx.pass('The vault uses Azure RBAC', evidence)
      : ctx.fail('The vault uses access policies', evidence);
  },
});

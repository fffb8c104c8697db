import { defineCheck } from '../../../src/core/check.js';
import '../../../providers/azure/model/types.js';

export default defineCheck({
  id: 'azure-keyvault-vault-items-expire',
  title: 'Every enabled key and secret in a key vault has an expiry date',
  provider: 'azure',
  service: 'keyvault',
  resourceType: 'azure.keyvault.vault',
  duty: 'credentials',
  severity: 'medium',
  rationale:
    'A key or secret without an expiry date is never forced through rotation, so a leaked value stays valid indefinitely. ' +
    'Key and secret metadata are read through ARM (never the values); a vault whose items could not be read is reported as an error, not as compliant.',
  remediation: {
    text: 'Set an expiration date on each listed key and secret, and configure a rotation policy so new versions are created before they expire.',
    cli: 'az keyvault key set-attributes --vault-name <vault> --name <key> --expires <date>; az keyvault secret set-attributes --vault-name <vault> --name <secret> --expires <date>',
  },
  references: ['CIS Microsoft Azure Foundations 3.0.0 3.3.1', 'CIS Microsoft Azure Foundations 3.0.0 3.3.2', 'CIS Microsoft Azure Foundations 3.0.0 3.3.3', 'CIS Microsoft Azure Foundations 3.0.0 3.3.4'],
  assess(vault, ctx) {
    const keys = ctx.known(vault.data.keys).filter((k) => k.enabled);
    const secrets = ctx.known(vault.data.secrets).filter((s) => s.enabled);
    const keysWithoutExpiry = keys.filter((k) => k.expires === null).map((k) => k.name);
    const secretsWithoutExpiry = secrets.filter((s) => s.expires === null).map((s) => s.name);
    const evidence = { enabledKeys: keys.length, enabledSecrets: secrets.length, keysWithoutExpiry, secretsWithoutExpiry };
    if (keys.length + secrets.length === 0) return ctx.notApplicable('The vault holds no enabled keys or secrets', evidence);
    const missing = keysWithoutExpiry.length + secretsWithoutExpiry.length;
    return missing === 0
      ? ctx.pass(`All ${keys.length} keys and ${secrets.length} secrets expire`, evidence)
      : ctx.fail(`${keysWithoutExpiry.length} key(s) and ${secretsWithoutExpiry.length} secret(s) never expire`, evidence);
  },
});

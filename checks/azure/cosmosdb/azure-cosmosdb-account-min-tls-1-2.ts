import { defineCheck } from '../../../src/core/check.js';
import '../../../providers/azure/model/types.js';
import { meetsTls } from '../lib/tls.js';

export default defineCheck({
  id: 'azure-cosmosdb-account-min-tls-1-2',
  title: 'Cosmos DB accounts refuse TLS versions below 1.2',
  provider: 'azure',
  service: 'cosmosdb',
  resourceType: 'azure.cosmosdb.account',
  duty: 'encryption-in-transit',
  severity: 'medium',
  rationale: 'TLS 1.0 and 1.1 have known weaknesses and are deprecated; an account whose minimum is `Tls` or `Tls11` still accepts them.',
  remediation: { text: 'Set the account minimal TLS version to Tls12.', cli: 'az cosmosdb update --name <account> --resource-group <rg> --minimal-tls-version Tls12' },
  defaults: { minimum: '1.2' },
  assess(account, ctx) {
    const value = account.data.minimalTlsVersion;
    const evidence = { minimalTlsVersion: value, required: ctx.params.minimum };
    // Unset: accounts created before the setting existed accept TLS 1.0.
    return meetsTls(value ?? 'Tls', ctx.params.minimum)
      ? ctx.pass(`Minimal TLS version is ${value}`, evidence)
      : ctx.fail(`Minimal TLS version is ${value ?? 'not set (TLS 1.0)'}`, evidence);
  },
});

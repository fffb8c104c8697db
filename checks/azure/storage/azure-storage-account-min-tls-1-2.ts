import { defineCheck } from '../../../src/core/check.js';
import '../../../providers/azure/model/types.js';

const ORDER = ['TLS1_0', 'TLS1_1', 'TLS1_2', 'TLS1_3'];

export default defineCheck({
  id: 'azure-storage-account-min-tls-1-2',
  title: 'Storage accounts refuse TLS versions below 1.2',
  provider: 'azure',
  service: 'storage',
  resourceType: 'azure.storage.account',
  duty: 'encryption-in-transit',
  severity: 'medium',
  rationale: 'TLS 1.0 and 1.1 have known weaknesses and are deprecated; an account whose minimum is unset accepts them.',
  remediation: {
    text: 'Set the minimum TLS version of the account to TLS 1.2 after checking that clients support it.',
    cli: 'az storage account update --name <account> --resource-group <rg> --min-tls-version TLS1_2',
  },
  references: ['CIS Microsoft Azure Foundations 3.0.0 4.15'],
  defaults: { minimum: 'TLS1_2' },
  assess(account, ctx) {
    const actual = account.data.minimumTlsVersion ?? 'TLS1_0';
    const evidence = { minimumTlsVersion: account.data.minimumTlsVersion, required: ctx.params.minimum };
    return ORDER.indexOf(actual) >= ORDER.indexOf(ctx.params.minimum)
      ? ctx.pass(`Minimum TLS version is ${actual}`, evidence)
      : ctx.fail(`Minimum TLS version is ${actual}${account.data.minimumTlsVersion === null ? ' (not set)' : ''}`, evidence);
  },
});

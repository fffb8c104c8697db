import { defineCheck } from '../../../src/core/check.js';
import '../../../providers/azure/model/types.js';
import { isCritical } from '../../../src/core/critical.js';

export default defineCheck({
  id: 'azure-storage-account-shared-key-access-disabled',
  title: 'Storage accounts refuse shared-key (account key) authorisation where required',
  provider: 'azure',
  service: 'storage',
  resourceType: 'azure.storage.account',
  duty: 'credentials',
  severity: 'medium',
  rationale:
    'Account keys give full access to all data, never expire on their own and leave no identity in the logs. ' +
    'With shared-key access off, every request must carry an Entra ID token, which can be scoped, revoked and audited.',
  remediation: {
    text: 'Move clients to Entra ID (RBAC data roles or user-delegation SAS), then disallow shared-key authorisation.',
    cli: 'az storage account update --name <account> --resource-group <rg> --allow-shared-key-access false',
  },
  references: ['Microsoft cloud security benchmark IM-1'],
  /** `all` accounts, only `critical` ones (policy.criticalResources), or `none`. */
  defaults: { requiredFor: 'all' as 'all' | 'critical' | 'none' },
  assess(account, ctx) {
    const evidence = { allowSharedKeyAccess: account.data.allowSharedKeyAccess, requiredFor: ctx.params.requiredFor };
    if (ctx.params.requiredFor === 'critical' && ctx.policy.criticalResources.length === 0) return ctx.notAssessed('policy.criticalResources', evidence);
    const required = ctx.params.requiredFor === 'all' || (ctx.params.requiredFor === 'critical' && isCritical(account, ctx.policy.criticalResources));
    if (!required) return ctx.notApplicable('Shared-key access is not required to be off for this account', evidence);
    // null is documented as "equivalent to true".
    return account.data.allowSharedKeyAccess === false
      ? ctx.pass('Shared-key authorisation is disallowed', evidence)
      : ctx.fail('Requests signed with the account key are accepted', evidence);
  },
});

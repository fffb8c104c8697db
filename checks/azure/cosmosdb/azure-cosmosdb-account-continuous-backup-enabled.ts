import { defineCheck } from '../../../src/core/check.js';
import '../../../providers/azure/model/types.js';

export default defineCheck({
  id: 'azure-cosmosdb-account-continuous-backup-enabled',
  title: 'Cosmos DB accounts use continuous backup (point-in-time restore)',
  provider: 'azure',
  service: 'cosmosdb',
  resourceType: 'azure.cosmosdb.account',
  duty: 'backups',
  severity: 'medium',
  rationale:
    'Periodic backup keeps a few snapshots that only Microsoft support can restore, losing everything written since the last one; ' +
    'continuous backup restores the account, a database or a container to any second of the retention window, by yourself.',
  remediation: {
    text: 'Switch the account from periodic to continuous backup (a one-way change).',
    cli: 'az cosmosdb update --name <account> --resource-group <rg> --backup-policy-type Continuous --continuous-tier Continuous30Days',
  },
  assess(account, ctx) {
    const { backupType, continuousTier } = account.data;
    const evidence = { backupPolicyType: backupType, continuousTier };
    return backupType?.toLowerCase() === 'continuous'
      ? ctx.pass(`Continuous backup (${continuousTier ?? 'tier not reported'})`, evidence)
      : ctx.fail(`Backup policy is ${backupType ?? 'not reported (periodic)'}`, evidence);
  },
});

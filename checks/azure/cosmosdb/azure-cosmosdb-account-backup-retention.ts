import { defineCheck } from '../../../src/core/check.js';
import '../../../providers/azure/model/types.js';

const TIER_DAYS: Record<string, number> = { continuous7days: 7, continuous30days: 30 };

export default defineCheck({
  id: 'azure-cosmosdb-account-backup-retention',
  title: 'Cosmos DB accounts keep backups for the required number of days',
  provider: 'azure',
  service: 'cosmosdb',
  resourceType: 'azure.cosmosdb.account',
  duty: 'backups',
  severity: 'medium',
  rationale: 'A restore reaches back only as far as the backups are kept: periodic backups default to 8 hours, continuous backup to 7 or 30 days.',
  remediation: {
    text: 'Use continuous backup with the 30-day tier, or raise the periodic backup retention to at least the required days.',
    cli: 'az cosmosdb update --name <account> --resource-group <rg> --backup-policy-type Continuous --continuous-tier Continuous30Days',
  },
  defaults: { minRetentionDays: 7 },
  assess(account, ctx) {
    const { backupType, continuousTier, periodicRetentionHours } = account.data;
    const continuous = backupType?.toLowerCase() === 'continuous';
    // A continuous account without a tier is on the original (30-day) tier.
    const days = continuous ? TIER_DAYS[(continuousTier ?? 'continuous30days').toLowerCase()] ?? null : periodicRetentionHours !== null ? periodicRetentionHours / 24 : null;
    const evidence = { backupPolicyType: backupType, continuousTier, periodicRetentionHours, retentionDays: days, minRetentionDays: ctx.params.minRetentionDays };
    return days !== null && days >= ctx.params.minRetentionDays
      ? ctx.pass(`Backups are kept ${days} days`, evidence)
      : ctx.fail(`Backups are kept ${days === null ? 'an unreported time' : `${days} days`}, less than ${ctx.params.minRetentionDays} days`, evidence);
  },
});

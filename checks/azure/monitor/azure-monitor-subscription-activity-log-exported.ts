import { defineCheck } from '../../../src/core/check.js';
import type { AzureDiagnosticSetting } from '../../../providers/azure/model/types.js';

/** Category groups that include every activity-log category. */
const ALL_GROUPS = new Set(['alllogs', 'audit']);

function exportedCategories(setting: AzureDiagnosticSetting): Set<string> {
  return new Set(setting.logs.filter((l) => l.enabled).map((l) => l.category.toLowerCase()));
}

const hasDestination = (s: AzureDiagnosticSetting): boolean =>
  Boolean(s.storageAccountId || s.workspaceId || s.eventHubAuthorizationRuleId || s.marketplacePartnerId);

export default defineCheck({
  id: 'azure-monitor-subscription-activity-log-exported',
  title: 'The subscription activity log is exported with the required categories and retention',
  provider: 'azure',
  service: 'monitor',
  resourceType: 'azure.subscription',
  duty: 'logging',
  severity: 'high',
  rationale:
    'Azure keeps the activity log for 90 days only. A diagnostic setting that sends the Administrative, Security, Alert and Policy categories to a workspace, storage account or event hub ' +
    'keeps the record of who changed what for as long as an investigation or the contract needs it.',
  remediation: {
    text: 'Create a subscription diagnostic setting that exports the required activity-log categories to a Log Analytics workspace (or storage with sufficient retention).',
    cli: 'az monitor diagnostic-settings subscription create --name export --location westeurope --workspace <id> --logs \'[{"category":"Administrative","enabled":true},{"category":"Security","enabled":true},{"category":"Alert","enabled":true},{"category":"Policy","enabled":true}]\'',
  },
  references: ['CIS Microsoft Azure Foundations 3.0.0 6.1.1', 'CIS Microsoft Azure Foundations 3.0.0 6.1.2'],
  /** `minRetentionDays` applies to storage destinations that set a retention (0 or unset keeps logs forever). */
  defaults: { requiredCategories: ['Administrative', 'Security', 'Alert', 'Policy'] as readonly string[], minRetentionDays: 365 },
  assess(subscription, ctx) {
    const settings = ctx.known(subscription.data.activityLogSettings).filter(hasDestination);
    const covered = new Set<string>();
    const shortRetention: { setting: string; category: string; days: number }[] = [];
    for (const s of settings) {
      const categories = exportedCategories(s);
      const all = [...categories].some((c) => ALL_GROUPS.has(c));
      for (const wanted of ctx.params.requiredCategories) {
        if (!all && !categories.has(wanted.toLowerCase())) continue;
        const log = s.logs.find((l) => l.enabled && (l.category.toLowerCase() === wanted.toLowerCase() || ALL_GROUPS.has(l.category.toLowerCase())));
        const days = log?.retentionDays ?? null;
        // A workspace or event hub keeps logs by its own rules; only a storage-only export can be too short.
        if (days !== null && days > 0 && days < ctx.params.minRetentionDays && !s.workspaceId && !s.eventHubAuthorizationRuleId) {
          shortRetention.push({ setting: s.name, category: wanted, days });
          continue;
        }
        covered.add(wanted);
      }
    }
    const missing = ctx.params.requiredCategories.filter((c) => !covered.has(c));
    const evidence = {
      settings: settings.map((s) => ({ name: s.name, workspace: s.workspaceId, storageAccount: s.storageAccountId, eventHub: s.eventHubAuthorizationRuleId, categories: [...exportedCategories(s)] })),
      missingCategories: missing,
      shortRetention,
      minRetentionDays: ctx.params.minRetentionDays,
    };
    if (settings.length === 0) return ctx.fail('The activity log is not exported anywhere', evidence);
    return missing.length === 0
      ? ctx.pass(`Exported by ${settings.map((s) => s.name).join(', ')}`, evidence)
      : ctx.fail(`Not exported with sufficient retention: ${missing.join(', ')}`, evidence);
  },
});

import { describe, expect, it } from 'vitest';
import check from '../../../../checks/azure/monitor/azure-monitor-subscription-activity-log-exported.js';
import { runCheck } from '../../../support/checks.js';
import { seen } from '../../../../src/core/observed.js';
import type { AzureDiagnosticSetting } from '../../../../providers/azure/model/types.js';
import { deniedFact, list, subscription } from '../fixtures.js';

const setting = (over: Partial<AzureDiagnosticSetting>): AzureDiagnosticSetting => ({
  name: 's', storageAccountId: null, workspaceId: null, eventHubAuthorizationRuleId: null, marketplacePartnerId: null, logs: [], ...over,
});
const run = (settings: AzureDiagnosticSetting[]) => runCheck(check, [list('azure.subscription', [subscription({ activityLogSettings: seen(settings) })])])[0];

describe('azure-monitor-subscription-activity-log-exported', () => {
  it('passes a workspace export of every required category, or of allLogs', () => {
    expect(runCheck(check, [list('azure.subscription', [subscription()])])[0]?.status).toBe('PASS');
    expect(run([setting({ workspaceId: '/w', logs: [{ category: 'allLogs', enabled: true, retentionDays: null }] })])?.status).toBe('PASS');
  });
  it('fails no export, missing categories and short storage retention', () => {
    expect(run([])?.evidence).toMatchObject({ missingCategories: ['Administrative', 'Security', 'Alert', 'Policy'] });
    const partial = run([setting({ workspaceId: '/w', logs: [{ category: 'Administrative', enabled: true, retentionDays: null }, { category: 'Security', enabled: false, retentionDays: null }] })]);
    expect(partial?.status).toBe('FAIL');
    expect(partial?.evidence).toMatchObject({ missingCategories: ['Security', 'Alert', 'Policy'] });
    const short = run([setting({ storageAccountId: '/sa', logs: ['Administrative', 'Security', 'Alert', 'Policy'].map((category) => ({ category, enabled: true, retentionDays: 30 })) })]);
    expect(short?.status).toBe('FAIL');
    expect(short?.evidence.shortRetention).toContainEqual({ setting: 's', category: 'Administrative', days: 30 });
    expect(run([setting({ logs: [{ category: 'allLogs', enabled: true, retentionDays: null }] })])?.status).toBe('FAIL');
  });
  it('is ERROR when the diagnostic settings could not be read', () => {
    const r = runCheck(check, [list('azure.subscription', [subscription({ activityLogSettings: deniedFact('Microsoft.Insights/diagnosticSettings/read') })])]);
    expect(r.map((x) => x.status)).toEqual(['ERROR']);
  });
  it('is NOT_APPLICABLE without a subscription', () => {
    expect(runCheck(check, [list('azure.subscription', [])]).map((r) => r.status)).toEqual(['NOT_APPLICABLE']);
  });
});

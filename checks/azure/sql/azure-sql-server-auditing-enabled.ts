import { defineCheck } from '../../../src/core/check.js';
import '../../../providers/azure/model/types.js';

export default defineCheck({
  id: 'azure-sql-server-auditing-enabled',
  title: 'Azure SQL servers audit to a destination and keep audit logs long enough',
  provider: 'azure',
  service: 'sql',
  resourceType: 'azure.sql.server',
  duty: 'logging',
  severity: 'medium',
  rationale:
    'Server-level auditing records logins, queries and permission changes on every database of the server; without it, an incident cannot be reconstructed. ' +
    'Audit logs kept for less than the contract period are gone when they are needed.',
  remediation: {
    text: 'Enable server auditing to a Log Analytics workspace or a storage account, with retention of at least the required days (0 keeps them forever).',
    cli: 'az sql server audit-policy update --resource-group <rg> --name <server> --state Enabled --lat-enabled true --lat-workspace <id> --retention-days 90',
  },
  references: ['CIS Microsoft Azure Foundations 3.0.0 5.1.1', 'CIS Microsoft Azure Foundations 3.0.0 5.1.6'],
  defaults: { minRetentionDays: 90 },
  assess(server, ctx) {
    const audit = ctx.known(server.data.auditing);
    const evidence = { ...audit, minRetentionDays: ctx.params.minRetentionDays };
    if (audit.state.toLowerCase() !== 'enabled') return ctx.fail('Server auditing is disabled', evidence);
    // Retention applies to the storage destination; Log Analytics keeps what its workspace keeps.
    if (audit.storageEndpoint && audit.retentionDays !== 0 && audit.retentionDays < ctx.params.minRetentionDays) {
      return ctx.fail(`Audit logs are kept ${audit.retentionDays} days, fewer than ${ctx.params.minRetentionDays}`, evidence);
    }
    return ctx.pass('Server auditing is enabled', evidence);
  },
});

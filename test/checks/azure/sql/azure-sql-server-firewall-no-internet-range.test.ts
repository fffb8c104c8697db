import { describe, expect, it } from 'vitest';
import check from '../../../../checks/azure/sql/azure-sql-server-firewall-no-internet-range.js';
import { runCheck, statuses } from '../../../support/checks.js';
import { seen } from '../../../../src/core/observed.js';
import { deniedFact, list, sqlServer } from '../fixtures.js';
import { expectErrorAndNotApplicable } from '../lib/services.js';

describe('azure-sql-server-firewall-no-internet-range', () => {
  it('passes the compliant and fails the non-compliant', () => {
    const results = runCheck(check, [list('azure.sql.server', [sqlServer('srv-office', {}), sqlServer('srv-other-range', { firewallRules: seen([{ name: 'AllowAllWindowsAzureIps', startIpAddress: '0.0.0.0', endIpAddress: '0.0.0.0' }]) }), sqlServer('srv-no-rules', { firewallRules: seen([]) }), sqlServer('srv-open', { firewallRules: seen([{ name: 'office', startIpAddress: '203.0.113.0', endIpAddress: '203.0.113.255' }, { name: 'anyone', startIpAddress: '0.0.0.0', endIpAddress: '255.255.255.255' }]) })])]);
    expect(statuses(results)).toEqual([['srv-office', 'PASS'], ['srv-other-range', 'PASS'], ['srv-no-rules', 'PASS'], ['srv-open', 'FAIL']]);
  });
  it('is ERROR when the listing failed (PASS is never assumed), NOT_APPLICABLE without resources', () => {
    expectErrorAndNotApplicable(check, 'Microsoft.Sql/servers/read');
  });
  it('is ERROR when the firewall rules could not be read', () => {
    const results = runCheck(check, [list('azure.sql.server', [sqlServer('srv-denied', { firewallRules: deniedFact('Microsoft.Sql/servers/firewallRules/read') })])]);
    expect(statuses(results)).toEqual([['srv-denied', 'ERROR']]);
    expect(results[0]?.error?.operation).toBe('Microsoft.Sql/servers/firewallRules/read');
  });
});

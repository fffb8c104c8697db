import { describe, expect, it } from 'vitest';
import check from '../../../../checks/azure/postgresql/azure-postgresql-flexible-server-firewall-no-all-azure-services.js';
import { runCheck, statuses } from '../../../support/checks.js';
import { seen } from '../../../../src/core/observed.js';
import { deniedFact, list } from '../fixtures.js';
import { expectErrorAndNotApplicable, postgres } from '../lib/services.js';

describe('azure-postgresql-flexible-server-firewall-no-all-azure-services', () => {
  it('passes the compliant and fails the non-compliant', () => {
    const results = runCheck(check, [list('azure.postgresql.flexible-server', [postgres('srv-office', {}), postgres('srv-other-range', { firewallRules: seen([{ name: 'anyone', startIpAddress: '0.0.0.0', endIpAddress: '255.255.255.255' }]) }), postgres('srv-no-rules', { firewallRules: seen([]) }), postgres('srv-open', { firewallRules: seen([{ name: 'office', startIpAddress: '203.0.113.0', endIpAddress: '203.0.113.255' }, { name: 'AllowAllWindowsAzureIps', startIpAddress: '0.0.0.0', endIpAddress: '0.0.0.0' }]) })])]);
    expect(statuses(results)).toEqual([['srv-office', 'PASS'], ['srv-other-range', 'PASS'], ['srv-no-rules', 'PASS'], ['srv-open', 'FAIL']]);
  });
  it('is ERROR when the listing failed (PASS is never assumed), NOT_APPLICABLE without resources', () => {
    expectErrorAndNotApplicable(check, 'Microsoft.DBforPostgreSQL/flexibleServers/read');
  });
  it('is ERROR when the firewall rules could not be read', () => {
    const results = runCheck(check, [list('azure.postgresql.flexible-server', [postgres('srv-denied', { firewallRules: deniedFact('Microsoft.DBforPostgreSQL/flexibleServers/firewallRules/read') })])]);
    expect(statuses(results)).toEqual([['srv-denied', 'ERROR']]);
    expect(results[0]?.error?.operation).toBe('Microsoft.DBforPostgreSQL/flexibleServers/firewallRules/read');
  });
});

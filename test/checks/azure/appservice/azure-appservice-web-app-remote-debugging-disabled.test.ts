import { describe, expect, it } from 'vitest';
import check from '../../../../checks/azure/appservice/azure-appservice-web-app-remote-debugging-disabled.js';
import { runCheck, statuses } from '../../../support/checks.js';
import { seen } from '../../../../src/core/observed.js';
import { deniedFact, list } from '../fixtures.js';
import { expectErrorAndNotApplicable, webApp } from '../lib/services.js';

describe('azure-appservice-web-app-remote-debugging-disabled', () => {
  it('passes the compliant and fails the non-compliant', () => {
    const results = runCheck(check, [list('azure.appservice.web-app', [webApp('app-off', {}), webApp('app-on', { config: seen({ minTlsVersion: '1.2', ftpsState: 'Disabled', remoteDebuggingEnabled: true }) })])]);
    expect(statuses(results)).toEqual([['app-off', 'PASS'], ['app-on', 'FAIL']]);
  });
  it('is ERROR when the listing failed (PASS is never assumed), NOT_APPLICABLE without resources', () => {
    expectErrorAndNotApplicable(check, 'Microsoft.Web/sites/read');
  });
  it('is ERROR when the site configuration could not be read', () => {
    const results = runCheck(check, [list('azure.appservice.web-app', [webApp('app-denied', { config: deniedFact('Microsoft.Web/sites/config/read') })])]);
    expect(statuses(results)).toEqual([['app-denied', 'ERROR']]);
    expect(results[0]?.error?.operation).toBe('Microsoft.Web/sites/config/read');
  });
});

import { describe, expect, it } from 'vitest';
import check from '../../../../checks/azure/appservice/azure-appservice-web-app-min-tls-1-2.js';
import { runCheck, statuses } from '../../../support/checks.js';
import { seen } from '../../../../src/core/observed.js';
import { deniedFact, list } from '../fixtures.js';
import { expectErrorAndNotApplicable, webApp } from '../lib/services.js';

describe('azure-appservice-web-app-min-tls-1-2', () => {
  it('passes the compliant and fails the non-compliant', () => {
    const results = runCheck(check, [list('azure.appservice.web-app', [webApp('app-12', {}), webApp('app-default', { config: seen({ minTlsVersion: null, ftpsState: null, remoteDebuggingEnabled: false }) }), webApp('app-10', { config: seen({ minTlsVersion: '1.0', ftpsState: 'Disabled', remoteDebuggingEnabled: false }) })])]);
    expect(statuses(results)).toEqual([['app-12', 'PASS'], ['app-default', 'PASS'], ['app-10', 'FAIL']]);
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

import { describe, expect, it } from 'vitest';
import check from '../../../../checks/azure/appservice/azure-appservice-web-app-managed-identity.js';
import { runCheck, statuses } from '../../../support/checks.js';
import { list } from '../fixtures.js';
import { expectErrorAndNotApplicable, webApp } from '../lib/services.js';

describe('azure-appservice-web-app-managed-identity', () => {
  it('passes the compliant and fails the non-compliant', () => {
    const results = runCheck(check, [list('azure.appservice.web-app', [webApp('app-mi', {}), webApp('app-none', { identityType: null }), webApp('app-none2', { identityType: 'None' })])]);
    expect(statuses(results)).toEqual([['app-mi', 'PASS'], ['app-none', 'FAIL'], ['app-none2', 'FAIL']]);
  });
  it('is ERROR when the listing failed (PASS is never assumed), NOT_APPLICABLE without resources', () => {
    expectErrorAndNotApplicable(check, 'Microsoft.Web/sites/read');
  });
});

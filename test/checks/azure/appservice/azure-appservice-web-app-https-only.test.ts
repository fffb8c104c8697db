import { describe, expect, it } from 'vitest';
import check from '../../../../checks/azure/appservice/azure-appservice-web-app-https-only.js';
import { runCheck, statuses } from '../../../support/checks.js';
import { list } from '../fixtures.js';
import { expectErrorAndNotApplicable, webApp } from '../lib/services.js';

describe('azure-appservice-web-app-https-only', () => {
  it('passes the compliant and fails the non-compliant', () => {
    const results = runCheck(check, [list('azure.appservice.web-app', [webApp('app-https', {}), webApp('app-http', { httpsOnly: false })])]);
    expect(statuses(results)).toEqual([['app-https', 'PASS'], ['app-http', 'FAIL']]);
  });
  it('is ERROR when the listing failed (PASS is never assumed), NOT_APPLICABLE without resources', () => {
    expectErrorAndNotApplicable(check, 'Microsoft.Web/sites/read');
  });
});

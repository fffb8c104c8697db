import { describe, expect, it } from 'vitest';
import check from '../../../../checks/azure/aks/azure-aks-cluster-local-accounts-disabled.js';
import { runCheck, statuses } from '../../../support/checks.js';
import { list } from '../fixtures.js';
import { expectErrorAndNotApplicable, aks } from '../lib/services.js';

describe('azure-aks-cluster-local-accounts-disabled', () => {
  it('passes the compliant and fails the non-compliant', () => {
    const results = runCheck(check, [list('azure.aks.cluster', [aks('aks-entra', {}), aks('aks-local', { disableLocalAccounts: false })])]);
    expect(statuses(results)).toEqual([['aks-entra', 'PASS'], ['aks-local', 'FAIL']]);
  });
  it('is ERROR when the listing failed (PASS is never assumed), NOT_APPLICABLE without resources', () => {
    expectErrorAndNotApplicable(check, 'Microsoft.ContainerService/managedClusters/read');
  });
});

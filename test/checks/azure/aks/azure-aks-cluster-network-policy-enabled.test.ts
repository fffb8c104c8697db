import { describe, expect, it } from 'vitest';
import check from '../../../../checks/azure/aks/azure-aks-cluster-network-policy-enabled.js';
import { runCheck, statuses } from '../../../support/checks.js';
import { list } from '../fixtures.js';
import { expectErrorAndNotApplicable, aks } from '../lib/services.js';

describe('azure-aks-cluster-network-policy-enabled', () => {
  it('passes the compliant and fails the non-compliant', () => {
    const results = runCheck(check, [list('azure.aks.cluster', [aks('aks-np', {}), aks('aks-nonp', { networkPolicy: null }), aks('aks-none', { networkPolicy: 'none' })])]);
    expect(statuses(results)).toEqual([['aks-np', 'PASS'], ['aks-nonp', 'FAIL'], ['aks-none', 'FAIL']]);
  });
  it('is ERROR when the listing failed (PASS is never assumed), NOT_APPLICABLE without resources', () => {
    expectErrorAndNotApplicable(check, 'Microsoft.ContainerService/managedClusters/read');
  });
});

import { describe, expect, it } from 'vitest';
import check from '../../../../checks/azure/aks/azure-aks-cluster-rbac-enabled.js';
import { runCheck, statuses } from '../../../support/checks.js';
import { list } from '../fixtures.js';
import { expectErrorAndNotApplicable, aks } from '../lib/services.js';

describe('azure-aks-cluster-rbac-enabled', () => {
  it('passes the compliant and fails the non-compliant', () => {
    const results = runCheck(check, [list('azure.aks.cluster', [aks('aks-rbac', {}), aks('aks-norbac', { enableRbac: false })])]);
    expect(statuses(results)).toEqual([['aks-rbac', 'PASS'], ['aks-norbac', 'FAIL']]);
  });
  it('is ERROR when the listing failed (PASS is never assumed), NOT_APPLICABLE without resources', () => {
    expectErrorAndNotApplicable(check, 'Microsoft.ContainerService/managedClusters/read');
  });
});

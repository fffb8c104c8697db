import { describe, expect, it } from 'vitest';
import check from '../../../../checks/azure/aks/azure-aks-cluster-entra-integration-enabled.js';
import { runCheck, statuses } from '../../../support/checks.js';
import { list } from '../fixtures.js';
import { expectErrorAndNotApplicable, aks } from '../lib/services.js';

describe('azure-aks-cluster-entra-integration-enabled', () => {
  it('passes the compliant and fails the non-compliant', () => {
    const results = runCheck(check, [list('azure.aks.cluster', [aks('aks-entra', {}), aks('aks-certs', { entraIntegration: false, azureRbac: false })])]);
    expect(statuses(results)).toEqual([['aks-entra', 'PASS'], ['aks-certs', 'FAIL']]);
  });
  it('is ERROR when the listing failed (PASS is never assumed), NOT_APPLICABLE without resources', () => {
    expectErrorAndNotApplicable(check, 'Microsoft.ContainerService/managedClusters/read');
  });
});

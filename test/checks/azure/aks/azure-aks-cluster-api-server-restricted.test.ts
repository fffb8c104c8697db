import { describe, expect, it } from 'vitest';
import check from '../../../../checks/azure/aks/azure-aks-cluster-api-server-restricted.js';
import { runCheck, statuses } from '../../../support/checks.js';
import { list } from '../fixtures.js';
import { expectErrorAndNotApplicable, aks } from '../lib/services.js';

describe('azure-aks-cluster-api-server-restricted', () => {
  it('passes the compliant and fails the non-compliant', () => {
    const results = runCheck(check, [list('azure.aks.cluster', [aks('aks-ranges', {}), aks('aks-private', { privateCluster: true, authorizedIpRanges: [] }), aks('aks-open', { authorizedIpRanges: [] }), aks('aks-any', { authorizedIpRanges: ['0.0.0.0/0'] })])]);
    expect(statuses(results)).toEqual([['aks-ranges', 'PASS'], ['aks-private', 'PASS'], ['aks-open', 'FAIL'], ['aks-any', 'FAIL']]);
  });
  it('is ERROR when the listing failed (PASS is never assumed), NOT_APPLICABLE without resources', () => {
    expectErrorAndNotApplicable(check, 'Microsoft.ContainerService/managedClusters/read');
  });
});

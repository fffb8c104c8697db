import { describe, expect, it } from 'vitest';
import check from '../../../../checks/azure/compute/azure-compute-disk-public-network-access-disabled.js';
import { runCheck, statuses } from '../../../support/checks.js';
import { disk, list } from '../fixtures.js';
import { expectErrorAndNotApplicable } from '../lib/services.js';

describe('azure-compute-disk-public-network-access-disabled', () => {
  it('passes the compliant and fails the non-compliant', () => {
    const results = runCheck(check, [list('azure.compute.disk', [disk('d-closed', { publicNetworkAccess: 'Disabled' }), disk('d-open', { publicNetworkAccess: 'Enabled' }), disk('d-unset', { publicNetworkAccess: null })])]);
    expect(statuses(results)).toEqual([['d-closed', 'PASS'], ['d-open', 'FAIL'], ['d-unset', 'FAIL']]);
  });
  it('is ERROR when the listing failed (PASS is never assumed), NOT_APPLICABLE without resources', () => {
    expectErrorAndNotApplicable(check, 'Microsoft.Compute/disks/read');
  });
});

import { describe, expect, it } from 'vitest';
import check from '../../../../checks/azure/compute/azure-compute-disk-network-access-policy-restricted.js';
import { runCheck, statuses } from '../../../support/checks.js';
import { disk, list } from '../fixtures.js';
import { expectErrorAndNotApplicable } from '../lib/services.js';

describe('azure-compute-disk-network-access-policy-restricted', () => {
  it('passes the compliant and fails the non-compliant', () => {
    const results = runCheck(check, [list('azure.compute.disk', [disk('d-deny', { networkAccessPolicy: 'DenyAll' }), disk('d-private', { networkAccessPolicy: 'AllowPrivate' }), disk('d-all', { networkAccessPolicy: 'AllowAll' }), disk('d-unset', { networkAccessPolicy: null })])]);
    expect(statuses(results)).toEqual([['d-deny', 'PASS'], ['d-private', 'PASS'], ['d-all', 'FAIL'], ['d-unset', 'FAIL']]);
  });
  it('is ERROR when the listing failed (PASS is never assumed), NOT_APPLICABLE without resources', () => {
    expectErrorAndNotApplicable(check, 'Microsoft.Compute/disks/read');
  });
});

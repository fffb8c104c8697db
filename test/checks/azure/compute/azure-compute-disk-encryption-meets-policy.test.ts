import { describe, expect, it } from 'vitest';
import check from '../../../../checks/azure/compute/azure-compute-disk-encryption-meets-policy.js';
import { expectNotAssessed, runCheck, statuses } from '../../../support/checks.js';
import { disk, failed, list } from '../fixtures.js';

describe('azure-compute-disk-encryption-meets-policy', () => {
  const disks = [
    disk('cmk'),
    disk('platform', { encryptionType: 'EncryptionAtRestWithPlatformKey', diskEncryptionSetId: null }),
    disk('orphan', { encryptionType: 'EncryptionAtRestWithPlatformKey', diskEncryptionSetId: null, managedBy: null, diskState: 'Unattached' }),
    disk('double', { encryptionType: 'EncryptionAtRestWithPlatformAndCustomerKeys' }),
  ];
  it('requires customer-managed keys by default, unattached disks included', () => {
    const results = runCheck(check, [list('azure.compute.disk', disks)]);
    expect(statuses(results)).toEqual([['cmk', 'PASS'], ['platform', 'FAIL'], ['orphan', 'FAIL'], ['double', 'PASS']]);
    expect(results[2]?.evidence).toMatchObject({ attachedTo: null, diskState: 'Unattached', required: 'customer-managed' });
  });
  it('follows the configured policy', () => {
    expect(runCheck(check, [list('azure.compute.disk', disks)], { params: { required: 'double' } }).map((r) => r.status)).toEqual(['FAIL', 'FAIL', 'FAIL', 'PASS']);
    expect(runCheck(check, [list('azure.compute.disk', disks)], { params: { required: 'platform' } }).map((r) => r.status)).toEqual(['PASS', 'PASS', 'PASS', 'PASS']);
    expect(runCheck(check, [list('azure.compute.disk', disks)], { params: { appliesTo: 'critical' }, policy: { criticalResources: ['orphan'] } }).map((r) => r.status))
      .toEqual(['NOT_APPLICABLE', 'NOT_APPLICABLE', 'FAIL', 'NOT_APPLICABLE']);
  });
  it('is ERROR for a failed listing and NOT_APPLICABLE without disks', () => {
    expect(runCheck(check, [failed('azure.compute.disk', 'Microsoft.Compute/disks/read')]).map((r) => r.status)).toEqual(['ERROR']);
    expect(runCheck(check, [list('azure.compute.disk', [])]).map((r) => r.status)).toEqual(['NOT_APPLICABLE']);
  });
  it('is NOT_ASSESSED for critical disks only while policy.criticalResources is empty', () => {
    expectNotAssessed(runCheck(check, [list('azure.compute.disk', disks)], { params: { appliesTo: 'critical' } }), 'policy.criticalResources');
  });
});

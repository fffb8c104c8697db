import { describe, expect, it } from 'vitest';
import check from '../../../../checks/azure/compute/azure-compute-vm-backed-up.js';
import { runCheck, statuses } from '../../../support/checks.js';
import { failed, list, protectedItem, vm } from '../fixtures.js';

describe('azure-compute-vm-backed-up', () => {
  it('matches protected items to VMs case-insensitively', () => {
    const results = runCheck(check, [
      list('azure.compute.vm', [vm('app1'), vm('app2'), vm('app3')]),
      list('azure.backup.protected-item', [protectedItem('app1'), protectedItem('app3', { protectionState: 'ProtectionStopped' })]),
    ]);
    expect(statuses(results)).toEqual([['app1', 'PASS'], ['app2', 'FAIL'], ['app3', 'FAIL']]);
    expect(results[2]?.evidence).toMatchObject({ protectedItems: [{ state: 'ProtectionStopped' }] });
  });
  it('is ERROR per VM when the backup items could not be listed', () => {
    const results = runCheck(check, [list('azure.compute.vm', [vm('app1')]), failed('azure.backup.protected-item', 'Microsoft.RecoveryServices/vaults/backupProtectedItems/read')]);
    expect(results.map((r) => [r.resource.name, r.status, r.error?.operation])).toEqual([['app1', 'ERROR', 'Microsoft.RecoveryServices/vaults/backupProtectedItems/read']]);
  });
  it('is NOT_APPLICABLE without VMs', () => {
    expect(runCheck(check, [list('azure.compute.vm', []), list('azure.backup.protected-item', [])]).map((r) => r.status)).toEqual(['NOT_APPLICABLE']);
  });
});

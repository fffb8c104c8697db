import { defineCheck } from '../../../src/core/check.js';
import '../../../providers/azure/model/types.js';
import { sameId } from '../policy-rules.js';

const ACTIVE = new Set(['protected', 'irpending', 'protectionerror']);

export default defineCheck({
  id: 'azure-compute-vm-backed-up',
  title: 'Every virtual machine is protected by an Azure Backup policy',
  provider: 'azure',
  service: 'compute',
  resourceType: 'azure.compute.vm',
  uses: ['azure.backup.protected-item'],
  duty: 'backups',
  severity: 'high',
  rationale:
    'Disks can be deleted, encrypted by ransomware or corrupted by an update; a Recovery Services vault keeps restore points outside the VM\'s own lifecycle. ' +
    'A VM whose protection was stopped no longer gets new restore points.',
  remediation: {
    text: 'Enable backup for the VM in a Recovery Services vault with a policy whose retention meets the contract.',
    cli: 'az backup protection enable-for-vm --vault-name <vault> --resource-group <rg> --vm <vm-id> --policy-name <policy>',
  },
  references: ['Microsoft cloud security benchmark BR-1'],
  assess(vm, ctx) {
    const items = ctx.related('azure.backup.protected-item', { region: 'any' }).filter((i) => sameId(i.data.sourceResourceId, vm.id));
    const active = items.find((i) => ACTIVE.has(i.data.protectionState.toLowerCase()));
    const evidence = {
      protectedItems: items.map((i) => ({ vault: i.data.vaultId, state: i.data.protectionState, policy: i.data.policyName, lastBackupTime: i.data.lastBackupTime })),
    };
    if (active) return ctx.pass(`Backed up by policy ${active.data.policyName ?? '(unnamed)'}`, evidence);
    if (items.length > 0) return ctx.fail(`Backup protection is ${items.map((i) => i.data.protectionState).join(', ')}`, evidence);
    return ctx.fail('No Recovery Services vault protects this VM', evidence);
  },
});

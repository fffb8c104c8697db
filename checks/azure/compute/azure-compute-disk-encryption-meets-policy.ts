import { defineCheck } from '../../../src/core/check.js';
import '../../../providers/azure/model/types.js';
import { isCritical } from '../../../src/core/critical.js';

type Required = 'platform' | 'customer-managed' | 'double';

/** What each server-side encryption type provides, strongest last. */
const LEVEL: Record<string, number> = {
  encryptionatrestwithplatformkey: 0,
  encryptionatrestwithcustomerkey: 1,
  encryptionatrestwithplatformandcustomerkeys: 2,
};
const NEEDED: Record<Required, number> = { platform: 0, 'customer-managed': 1, double: 2 };

export default defineCheck({
  id: 'azure-compute-disk-encryption-meets-policy',
  title: 'Managed disks, attached or not, are encrypted with the key type the policy requires',
  provider: 'azure',
  service: 'compute',
  resourceType: 'azure.compute.disk',
  duty: 'encryption-at-rest',
  severity: 'medium',
  rationale:
    'Managed disks are always encrypted with platform keys; a contract that requires customer control of keys needs a disk encryption set with a customer-managed key (or double encryption). ' +
    'Unattached disks are included: they keep the data of deleted VMs and are easy to forget.',
  remediation: {
    text: 'Create a disk encryption set with a Key Vault key and switch the disk to it (deallocate the VM first); delete unattached disks that are no longer needed.',
    cli: 'az disk update --name <disk> --resource-group <rg> --encryption-type EncryptionAtRestWithCustomerKey --disk-encryption-set <des-id>',
  },
  references: ['CIS Microsoft Azure Foundations 3.0.0 8.3', 'CIS Microsoft Azure Foundations 3.0.0 8.4'],
  /**
   * `required`: `platform`, `customer-managed` (CMK or double) or `double`.
   * `appliesTo`: `all` disks or only `critical` ones (policy.criticalResources).
   */
  defaults: { required: 'customer-managed' as Required, appliesTo: 'all' as 'all' | 'critical' },
  assess(disk, ctx) {
    const { encryptionType, diskEncryptionSetId, managedBy, diskState, adeEnabled } = disk.data;
    const evidence = { encryptionType, diskEncryptionSetId, attachedTo: managedBy, diskState, adeEnabled, required: ctx.params.required };
    if (ctx.params.appliesTo === 'critical' && !isCritical(disk, ctx.policy.criticalResources)) {
      if (ctx.policy.criticalResources.length === 0) return ctx.notAssessed('policy.criticalResources', evidence);
      return ctx.notApplicable('Not a critical resource, and the check applies to critical resources only', evidence);
    }
    const level = LEVEL[encryptionType.toLowerCase()];
    const where = managedBy ? 'attached disk' : 'unattached disk';
    if (level === undefined) return ctx.fail(`Unrecognised encryption type ${encryptionType} on ${where}`, evidence);
    return level >= NEEDED[ctx.params.required]
      ? ctx.pass(`${where} uses ${encryptionType}`, evidence)
      : ctx.fail(`${where} uses ${encryptionType}; policy requires ${ctx.params.required} keys`, evidence);
  },
});

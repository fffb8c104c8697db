import { defineCheck } from '../../../src/core/check.js';
import '../../../providers/azure/model/types.js';
import { publicAccessDisabled } from '../lib/network.js';

export default defineCheck({
  id: 'azure-compute-disk-public-network-access-disabled',
  title: 'Managed disks cannot be exported over the Internet',
  provider: 'azure',
  service: 'compute',
  resourceType: 'azure.compute.disk',
  duty: 'network-exposure',
  severity: 'medium',
  rationale: 'Anyone holding a disk export (SAS) URL can download the whole disk; with public network access disabled, the URL works only through a private endpoint.',
  remediation: {
    text: 'Disable public network access on the disk and export it, when needed, through a disk access resource and private endpoint.',
    cli: 'az disk update --name <disk> --resource-group <rg> --public-network-access Disabled',
  },
  // 8.5 asks for both: public network access disabled and a network access policy other than AllowAll.
  references: ['CIS Microsoft Azure Foundations 3.0.0 8.5'],
  assess(disk, ctx) {
    const value = disk.data.publicNetworkAccess;
    const evidence = { publicNetworkAccess: value };
    return publicAccessDisabled(value) ? ctx.pass('Public network access is disabled', evidence) : ctx.fail(`Public network access is ${value ?? 'not set (enabled)'}`, evidence);
  },
});

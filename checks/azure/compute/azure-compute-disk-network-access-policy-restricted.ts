import { defineCheck } from '../../../src/core/check.js';
import '../../../providers/azure/model/types.js';

export default defineCheck({
  id: 'azure-compute-disk-network-access-policy-restricted',
  title: 'Managed disks do not allow export from any network',
  provider: 'azure',
  service: 'compute',
  resourceType: 'azure.compute.disk',
  duty: 'network-exposure',
  severity: 'medium',
  rationale: 'The network access policy `AllowAll` lets a disk export URL be generated and used from any network; `AllowPrivate` ties export to a disk access resource, `DenyAll` forbids it.',
  remediation: {
    text: 'Set the disk network access policy to DenyAll, or to AllowPrivate with a disk access resource where exports are needed.',
    cli: 'az disk update --name <disk> --resource-group <rg> --network-access-policy DenyAll',
  },
  // 8.5 asks for both: public network access disabled and a network access policy other than AllowAll.
  references: ['CIS Microsoft Azure Foundations 3.0.0 8.5'],
  assess(disk, ctx) {
    const value = disk.data.networkAccessPolicy;
    const evidence = { networkAccessPolicy: value };
    return value !== null && value.toLowerCase() !== 'allowall'
      ? ctx.pass(`Network access policy is ${value}`, evidence)
      : ctx.fail(`Network access policy is ${value ?? 'not set (AllowAll)'}`, evidence);
  },
});

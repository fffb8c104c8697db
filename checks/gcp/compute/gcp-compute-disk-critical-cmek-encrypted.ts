import { defineCheck } from '../../../src/core/check.js';
import type {} from '../../../providers/gcp/model/types.js';
import { criticalGlob } from '../../../src/core/critical.js';

export default defineCheck({
  id: 'gcp-compute-disk-critical-cmek-encrypted',
  title: 'Disks holding critical data are encrypted with a customer-managed or customer-supplied key',
  provider: 'gcp',
  service: 'compute',
  resourceType: 'gcp.compute.disk',
  duty: 'encryption-at-rest',
  severity: 'medium',
  rationale:
    'Google encrypts every disk, but with keys the customer neither controls nor can revoke. For critical data a contract often requires ' +
    'a customer-managed (Cloud KMS) or customer-supplied key, so access can be cut off and key use is audited.',
  remediation: {
    text: 'Snapshot the disk and create a new disk from the snapshot with --kms-key (or --csek-key-file), then swap it in.',
    cli: 'gcloud compute disks create DISK-cmek --source-snapshot=SNAPSHOT --kms-key=projects/P/locations/L/keyRings/R/cryptoKeys/K --zone=ZONE',
  },
  references: ['https://cloud.google.com/compute/docs/disks/customer-managed-encryption'],
  assess(disk, ctx) {
    const matched = criticalGlob(disk, ctx.policy.criticalResources);
    if (ctx.policy.criticalResources.length === 0) return ctx.notAssessed('policy.criticalResources', { critical: null });
    if (matched === null) return ctx.notApplicable('Not a critical resource under policy.criticalResources', { critical: false });
    const evidence = { criticalMatch: matched, kmsKeyName: disk.data.kmsKeyName, customerSuppliedKey: disk.data.customerSuppliedKey };
    return disk.data.kmsKeyName !== null || disk.data.customerSuppliedKey
      ? ctx.pass(disk.data.kmsKeyName !== null ? 'Encrypted with a Cloud KMS key' : 'Encrypted with a customer-supplied key', evidence)
      : ctx.fail('Encrypted with a Google-managed key only', evidence);
  },
});

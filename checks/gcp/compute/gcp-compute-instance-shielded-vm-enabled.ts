import { defineCheck } from '../../../src/core/check.js';
import type {} from '../../../providers/gcp/model/types.js';

export default defineCheck({
  id: 'gcp-compute-instance-shielded-vm-enabled',
  title: 'VMs run as Shielded VMs with vTPM and integrity monitoring',
  provider: 'gcp',
  service: 'compute',
  resourceType: 'gcp.compute.instance',
  duty: 'patching',
  severity: 'low',
  rationale:
    'Shielded VM measures the boot chain with a virtual TPM and alerts on changes, which detects boot-level and kernel-level malware ' +
    'that the guest itself cannot see.',
  remediation: {
    text: 'Stop the VM, enable vTPM and integrity monitoring (and Secure Boot where the image supports it), then start it again.',
    cli: 'gcloud compute instances update VM --zone=ZONE --shielded-vtpm --shielded-learn-integrity-policy --shielded-integrity-monitoring',
  },
  references: ['https://cloud.google.com/compute/shielded-vm/docs/shielded-vm', 'CIS Google Cloud Platform Foundation 3.0.0 4.8'],
  assess(instance, ctx) {
    const shielded = instance.data.shieldedVm;
    if (shielded === null) return ctx.fail('The VM has no Shielded VM configuration', { shieldedVm: null });
    return shielded.vtpm && shielded.integrityMonitoring
      ? ctx.pass('vTPM and integrity monitoring are on', { shieldedVm: shielded })
      : ctx.fail('vTPM or integrity monitoring is off', { shieldedVm: shielded });
  },
});

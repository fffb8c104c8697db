import { defineCheck } from '../../../src/core/check.js';
import type {} from '../../../providers/gcp/model/types.js';
import { effectiveMetadata, isTrue } from '../support.js';

export default defineCheck({
  id: 'gcp-compute-instance-os-login-enabled',
  title: 'VMs use OS Login for SSH access',
  provider: 'gcp',
  service: 'compute',
  resourceType: 'gcp.compute.instance',
  uses: ['gcp.compute.project-metadata'],
  duty: 'credentials',
  severity: 'medium',
  rationale:
    'With OS Login, SSH access follows IAM: it ends when the person leaves or loses the role, and it can require 2-Step Verification. ' +
    'Metadata SSH keys are copied onto VMs and stay valid until someone removes them by hand.',
  remediation: {
    text: 'Set enable-oslogin=TRUE in the project metadata (or the organisation policy compute.requireOsLogin), and remove instance-level overrides.',
    cli: 'gcloud compute project-info add-metadata --metadata=enable-oslogin=TRUE',
  },
  references: ['https://cloud.google.com/compute/docs/oslogin', 'CIS Google Cloud Platform Foundation 3.0.0 4.4'],
  assess(instance, ctx) {
    const { value, from } = effectiveMetadata(instance, 'enable-oslogin', ctx);
    const evidence = { 'enable-oslogin': value, setOn: from };
    return isTrue(value)
      ? ctx.pass(`OS Login is enabled (${from} metadata)`, evidence)
      : ctx.fail(from === 'unset' ? 'OS Login is not enabled' : `OS Login is disabled (${from} metadata)`, evidence);
  },
});

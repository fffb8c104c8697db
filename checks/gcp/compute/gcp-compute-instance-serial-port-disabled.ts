import { defineCheck } from '../../../src/core/check.js';
import type {} from '../../../providers/gcp/model/types.js';
import { effectiveMetadata, isTrue } from '../support.js';

export default defineCheck({
  id: 'gcp-compute-instance-serial-port-disabled',
  title: 'VMs do not accept interactive serial-port connections',
  provider: 'gcp',
  service: 'compute',
  resourceType: 'gcp.compute.instance',
  uses: ['gcp.compute.project-metadata'],
  duty: 'network-exposure',
  severity: 'medium',
  rationale:
    'The interactive serial console accepts connections from any IP address and bypasses firewall rules, so anyone with the right ' +
    'key or password can reach the VM from anywhere. A project-wide metadata value applies to every VM that does not set its own.',
  remediation: {
    text: 'Set the metadata key serial-port-enable to false on the VM, and remove it (or set it false) in the project metadata.',
    cli: 'gcloud compute instances add-metadata VM --zone=ZONE --metadata=serial-port-enable=false',
  },
  references: ['https://cloud.google.com/compute/docs/troubleshooting/troubleshooting-using-serial-console', 'CIS Google Cloud Platform Foundation 3.0.0 4.5'],
  assess(instance, ctx) {
    const { value, from } = effectiveMetadata(instance, 'serial-port-enable', ctx);
    const evidence = { 'serial-port-enable': value, setOn: from };
    return isTrue(value)
      ? ctx.fail(`Interactive serial-port access is enabled (${from} metadata)`, evidence)
      : ctx.pass('Interactive serial-port access is not enabled', evidence);
  },
});

import { defineCheck } from '../../../src/core/check.js';
import type {} from '../../../providers/gcp/model/types.js';

export default defineCheck({
  id: 'gcp-compute-instance-serial-port-disabled',
  title: 'VMs do not accept interactive serial-port connections',
  provider: 'gcp',
  service: 'compute',
  resourceType: 'gcp.compute.instance',
  duty: 'network-exposure',
  severity: 'medium',
  rationale:
    'The interactive serial console accepts connections from any IP address and bypasses firewall rules, so anyone with the right ' +
    'key or password can reach the VM from anywhere.',
  remediation: {
    text: 'Set the metadata key serial-port-enable to false on the VM (and do not set it to true at project level).',
    cli: 'gcloud compute instances add-metadata VM --zone=ZONE --metadata=serial-port-enable=false',
  },
  references: ['https://cloud.google.com/compute/docs/troubleshooting/troubleshooting-using-serial-console'],
  assess(instance, ctx) {
    const value = instance.data.metadata['serial-port-enable'] ?? null;
    const enabled = value !== null && ['true', '1'].includes(value.toLowerCase());
    return enabled
      ? ctx.fail('Interactive serial-port access is enabled', { 'serial-port-enable': value })
      : ctx.pass('Interactive serial-port access is not enabled on the VM', { 'serial-port-enable': value });
  },
});

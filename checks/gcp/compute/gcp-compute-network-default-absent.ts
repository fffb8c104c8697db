import { defineCheck } from '../../../src/core/check.js';
import type {} from '../../../providers/gcp/model/types.js';

export default defineCheck({
  id: 'gcp-compute-network-default-absent',
  title: 'Projects do not keep the auto-created default network',
  provider: 'gcp',
  service: 'compute',
  resourceType: 'gcp.compute.network',
  duty: 'network-exposure',
  severity: 'medium',
  rationale:
    'The default network comes with a subnet in every region and pre-populated firewall rules that allow SSH, RDP and ICMP from anywhere. ' +
    'Networks should be designed for the workload, with rules that were chosen rather than inherited.',
  remediation: {
    text: 'Create a custom-mode VPC for the workload, move its resources there, then delete the default network (and its firewall rules).',
    cli: 'gcloud compute networks delete default',
  },
  references: ['https://cloud.google.com/vpc/docs/vpc#default-network', 'CIS Google Cloud Platform Foundation 3.0.0 3.1'],
  assess(network, ctx) {
    if (network.name === 'default') {
      return ctx.fail('The default network exists', { name: network.name, autoCreateSubnetworks: network.data.autoCreateSubnetworks, legacy: network.data.legacy });
    }
    return ctx.pass('Not the default network', { name: network.name, autoCreateSubnetworks: network.data.autoCreateSubnetworks });
  },
});

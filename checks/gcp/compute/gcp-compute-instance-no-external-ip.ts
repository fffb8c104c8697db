import { defineCheck } from '../../../src/core/check.js';
import type {} from '../../../providers/gcp/model/types.js';

export default defineCheck({
  id: 'gcp-compute-instance-no-external-ip',
  title: 'VMs have no external IP address',
  provider: 'gcp',
  service: 'compute',
  resourceType: 'gcp.compute.instance',
  duty: 'network-exposure',
  severity: 'medium',
  defaults: { allowedNamePatterns: [] as readonly string[] },
  rationale:
    'A VM with an external address is reachable from the internet as far as its firewall rules allow; one rule too wide exposes it. ' +
    'Outbound traffic can go through Cloud NAT and inbound through a load balancer or IAP instead.',
  remediation: {
    text: 'Remove the access config (external IP) from the network interface; use Cloud NAT for egress and IAP or a load balancer for ingress.',
    cli: 'gcloud compute instances delete-access-config VM --zone=ZONE --access-config-name="External NAT"',
  },
  references: ['https://cloud.google.com/compute/docs/ip-addresses/reserve-static-external-ip-address', 'CIS Google Cloud Platform Foundation 3.0.0 4.9'],
  assess(instance, ctx) {
    const allowed = ctx.params.allowedNamePatterns.some((p) => new RegExp(`^(?:${p})$`).test(instance.name));
    const externalIps = instance.data.networkInterfaces.flatMap((n) => n.externalIps);
    if (externalIps.length === 0) return ctx.pass('No external IP address', { externalIps });
    if (allowed) return ctx.notApplicable('The VM is allowed an external address by configuration', { externalIps });
    return ctx.fail(`${externalIps.length} external IP address(es)`, { externalIps });
  },
});

import { defineCheck } from '../../../src/core/check.js';
import type {} from '../../../providers/gcp/model/types.js';

/** Special-purpose subnets (proxy-only, PSC) do not carry VM traffic and cannot have flow logs. */
const PLAIN_PURPOSES = ['PRIVATE', 'PRIVATE_RFC_1918', ''];

export default defineCheck({
  id: 'gcp-compute-subnetwork-flow-logs-enabled',
  title: 'VPC Flow Logs are on for every subnet',
  provider: 'gcp',
  service: 'compute',
  resourceType: 'gcp.compute.subnetwork',
  duty: 'logging',
  severity: 'medium',
  rationale:
    'Flow logs record which addresses talked to which VM and port. Without them an incident response cannot tell where data went, ' +
    'and network monitoring has nothing to look at.',
  remediation: {
    text: 'Enable flow logs on the subnet (an aggregation interval of 5 seconds and full sampling give the most detail).',
    cli: 'gcloud compute networks subnets update SUBNET --region=REGION --enable-flow-logs',
  },
  references: ['https://cloud.google.com/vpc/docs/using-flow-logs', 'CIS Google Cloud Platform Foundation 3.0.0 3.8'],
  assess(subnet, ctx) {
    if (!PLAIN_PURPOSES.includes(subnet.data.purpose)) {
      return ctx.notApplicable(`A ${subnet.data.purpose} subnet cannot have flow logs`, { purpose: subnet.data.purpose });
    }
    return subnet.data.flowLogs
      ? ctx.pass('Flow logs are on', { flowLogs: true, ipCidrRange: subnet.data.ipCidrRange })
      : ctx.fail('Flow logs are off', { flowLogs: false, ipCidrRange: subnet.data.ipCidrRange, network: subnet.data.network });
  },
});

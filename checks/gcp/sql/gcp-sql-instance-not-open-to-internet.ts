import { defineCheck } from '../../../src/core/check.js';
import type {} from '../../../providers/gcp/model/types.js';

const OPEN_RANGES = ['0.0.0.0/0', '::/0'];

export default defineCheck({
  id: 'gcp-sql-instance-not-open-to-internet',
  title: 'Cloud SQL instances do not accept connections from the whole internet',
  provider: 'gcp',
  service: 'sql',
  resourceType: 'gcp.sql.instance',
  duty: 'network-exposure',
  severity: 'critical',
  rationale:
    'A public IP with 0.0.0.0/0 in the authorized networks lets anyone try to log in to the database; only the password stands in the way. ' +
    'Private IP, the Cloud SQL Auth Proxy or a short list of known networks keep it reachable only where needed.',
  remediation: {
    text: 'Remove 0.0.0.0/0 from the authorized networks; connect through private IP or the Cloud SQL Auth Proxy, and disable the public IP if nothing needs it.',
    cli: 'gcloud sql instances patch INSTANCE --clear-authorized-networks',
  },
  references: ['https://cloud.google.com/sql/docs/mysql/configure-ip', 'CIS Google Cloud Platform Foundation 3.0.0 6.5'],
  assess(instance, ctx) {
    const evidence = { publicIp: instance.data.publicIp, authorizedNetworks: instance.data.authorizedNetworks, privateNetwork: instance.data.privateNetwork };
    if (!instance.data.publicIp) return ctx.pass('The instance has no public IP', evidence);
    const open = instance.data.authorizedNetworks.filter((n) => OPEN_RANGES.includes(n.value));
    return open.length > 0
      ? ctx.fail(`The public IP accepts connections from ${open.map((n) => n.value).join(', ')}`, evidence)
      : ctx.pass('The public IP accepts only the listed networks', evidence);
  },
});

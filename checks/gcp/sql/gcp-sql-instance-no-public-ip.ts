import { defineCheck } from '../../../src/core/check.js';
import type {} from '../../../providers/gcp/model/types.js';

export default defineCheck({
  id: 'gcp-sql-instance-no-public-ip',
  title: 'Cloud SQL instances have no public IP address',
  provider: 'gcp',
  service: 'sql',
  resourceType: 'gcp.sql.instance',
  duty: 'network-exposure',
  severity: 'medium',
  rationale:
    'A public IP puts the database on the internet, guarded by the authorised networks and the password alone; private IP keeps it inside the VPC.',
  remediation: {
    text: 'Configure private IP and remove the public IP; connect from outside the VPC through the Cloud SQL Auth Proxy.',
    cli: 'gcloud sql instances patch INSTANCE --network=VPC --no-assign-ip',
  },
  references: ['https://cloud.google.com/sql/docs/mysql/configure-private-ip', 'CIS Google Cloud Platform Foundation 3.0.0 6.6'],
  assess(instance, ctx) {
    const evidence = { publicIp: instance.data.publicIp, privateNetwork: instance.data.privateNetwork };
    return instance.data.publicIp
      ? ctx.fail('The instance has a public IP address', evidence)
      : ctx.pass('The instance has no public IP address', evidence);
  },
});

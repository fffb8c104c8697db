import { defineCheck } from '../../../src/core/check.js';

export default defineCheck({
  id: 'aws-redshift-cluster-not-public',
  title: 'Redshift clusters are not publicly accessible',
  provider: 'aws',
  service: 'redshift',
  resourceType: 'aws.redshift.cluster',
  duty: 'network-exposure',
  severity: 'critical',
  rationale: 'A publicly accessible cluster gets a public address; one permissive security group rule away from the internet, the warehouse meets password spraying and engine exploits directly.',
  remediation: {
    text: 'Turn off public accessibility and reach the cluster through private subnets, a VPN or Redshift-managed VPC endpoints.',
    cli: 'aws redshift modify-cluster --cluster-identifier CLUSTER --no-publicly-accessible',
  },
  assess(cluster, ctx) {
    const { publiclyAccessible } = cluster.data;
    return publiclyAccessible
      ? ctx.fail('The cluster is publicly accessible', { publiclyAccessible })
      : ctx.pass('The cluster is private', { publiclyAccessible });
  },
});

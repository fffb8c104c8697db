import { defineCheck } from '../../../src/core/check.js';

const WORLD = ['0.0.0.0/0', '::/0'];

export default defineCheck({
  id: 'aws-eks-cluster-endpoint-not-public',
  title: 'EKS cluster API endpoints are not open to the whole internet',
  provider: 'aws',
  service: 'eks',
  resourceType: 'aws.eks.cluster',
  duty: 'network-exposure',
  severity: 'high',
  rationale: 'A public Kubernetes API endpoint reachable from 0.0.0.0/0 leaves the control plane one credential leak or API-server flaw away from the internet. A private endpoint, or a public one limited to known CIDRs, narrows who can even try.',
  remediation: {
    text: 'Turn on the private endpoint and turn off the public one, or restrict public access to your egress CIDRs.',
    cli: 'aws eks update-cluster-config --name CLUSTER --resources-vpc-config endpointPublicAccess=false,endpointPrivateAccess=true',
  },
  assess(cluster, ctx) {
    const { endpointPublicAccess, endpointPrivateAccess, publicAccessCidrs } = cluster.data;
    const evidence = { endpointPublicAccess, endpointPrivateAccess, publicAccessCidrs };
    if (!endpointPublicAccess) return ctx.pass('The API endpoint is private only', evidence);
    // EKS reports 0.0.0.0/0 when public access is unrestricted; an empty list means the same.
    const open = publicAccessCidrs.length === 0 || publicAccessCidrs.some((c) => WORLD.includes(c));
    return open
      ? ctx.fail('The API endpoint is public and open to 0.0.0.0/0', evidence)
      : ctx.pass(`The public endpoint is limited to ${publicAccessCidrs.join(', ')}`, evidence);
  },
});

import { defineCheck } from '../../../src/core/check.js';
import { publicGrants } from '../lib/policy.js';

export default defineCheck({
  id: 'aws-opensearch-domain-not-public',
  title: 'OpenSearch domains are not open to everyone on the internet',
  provider: 'aws',
  service: 'opensearch',
  resourceType: 'aws.opensearch.domain',
  duty: 'network-exposure',
  severity: 'critical',
  rationale: 'A domain outside a VPC has a public endpoint; with an access policy allowing \"*\" without a condition on the caller or its address, anyone can read and write its indices (fine-grained access control aside, which this check does not credit).',
  remediation: {
    text: 'Move the domain into a VPC, or narrow the access policy to named principals or source addresses.',
    cli: 'aws opensearch update-domain-config --domain-name DOMAIN --access-policies file://policy.json',
  },
  assess(domain, ctx) {
    const { vpcId, deleted } = domain.data;
    if (deleted) return ctx.notApplicable('The domain is being deleted', { deleted });
    if (vpcId !== null) return ctx.pass('The domain is inside a VPC: it has no public endpoint', { vpcId });
    const policy = ctx.known(domain.data.accessPolicy);
    const open = policy === null ? [] : publicGrants(policy);
    return open.length > 0
      ? ctx.fail('The public endpoint\'s access policy allows everyone', { vpcId, openStatements: open.map((s) => s.sid ?? '(no Sid)') })
      : ctx.pass('The public endpoint\'s access policy names who may call it', { vpcId, hasPolicy: policy !== null });
  },
});

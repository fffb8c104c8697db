import { defineCheck } from '../../../src/core/check.js';

export default defineCheck({
  id: 'aws-opensearch-domain-node-to-node-encrypted',
  title: 'OpenSearch domains encrypt traffic between their nodes',
  provider: 'aws',
  service: 'opensearch',
  resourceType: 'aws.opensearch.domain',
  duty: 'encryption-in-transit',
  severity: 'medium',
  rationale: 'Without node-to-node encryption, documents and queries travel between data nodes in clear text inside the VPC or service network.',
  remediation: {
    text: 'Enable node-to-node encryption on the domain.',
    cli: 'aws opensearch update-domain-config --domain-name DOMAIN --node-to-node-encryption-options Enabled=true',
  },
  assess(r, ctx) {
    const { nodeToNodeEncryption } = r.data;
    if (r.data.deleted) return ctx.notApplicable('The domain is being deleted', { deleted: true });
    return nodeToNodeEncryption
      ? ctx.pass('Node-to-node traffic is encrypted', { nodeToNodeEncryption })
      : ctx.fail('Node-to-node traffic is not encrypted', { nodeToNodeEncryption });
  },
});

import { defineCheck } from '../../../src/core/check.js';

export default defineCheck({
  id: 'aws-memorydb-cluster-tls-enabled',
  title: 'MemoryDB clusters require TLS',
  provider: 'aws',
  service: 'memorydb',
  resourceType: 'aws.memorydb.cluster',
  duty: 'encryption-in-transit',
  severity: 'high',
  rationale: 'MemoryDB is a durable primary database; without TLS its data and ACL passwords cross the network in clear text. TLS can only be chosen when the cluster is created.',
  remediation: {
    text: 'Create a cluster with TLS enabled from a snapshot of this one, switch clients, and delete the old one.',
    cli: 'aws memorydb create-cluster --cluster-name NEW --node-type NODE_TYPE --acl-name ACL --tls-enabled --snapshot-name SNAPSHOT',
  },
  assess(r, ctx) {
    const { tlsEnabled } = r.data;
    return tlsEnabled
      ? ctx.pass('TLS is enabled', { tlsEnabled })
      : ctx.fail('TLS is disabled', { tlsEnabled });
  },
});

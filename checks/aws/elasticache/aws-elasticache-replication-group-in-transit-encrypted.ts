import { defineCheck } from '../../../src/core/check.js';

export default defineCheck({
  id: 'aws-elasticache-replication-group-in-transit-encrypted',
  title: 'ElastiCache replication groups require TLS for every connection',
  provider: 'aws',
  service: 'elasticache',
  resourceType: 'aws.elasticache.replication-group',
  duty: 'encryption-in-transit',
  severity: 'high',
  rationale: 'Without in-transit encryption, cached data and AUTH tokens cross the network in clear text; in `preferred` mode plain connections are still accepted, so only `required` closes that path.',
  remediation: {
    text: 'Enable in-transit encryption, move clients to TLS, then set the transit encryption mode to required.',
    cli: 'aws elasticache modify-replication-group --replication-group-id GROUP --transit-encryption-enabled --transit-encryption-mode required --apply-immediately',
  },
  assess(group, ctx) {
    const { transitEncryptionEnabled, transitEncryptionMode } = group.data;
    const evidence = { transitEncryptionEnabled, transitEncryptionMode };
    if (!transitEncryptionEnabled) return ctx.fail('In-transit encryption is off', evidence);
    return transitEncryptionMode === 'preferred'
      ? ctx.fail('TLS is offered but plain connections are still accepted (mode preferred)', evidence)
      : ctx.pass('TLS is required', evidence);
  },
});

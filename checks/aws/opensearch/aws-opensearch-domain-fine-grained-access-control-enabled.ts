import { defineCheck } from '../../../src/core/check.js';

export default defineCheck({
  id: 'aws-opensearch-domain-fine-grained-access-control-enabled',
  title: 'OpenSearch domains use fine-grained access control',
  provider: 'aws',
  service: 'opensearch',
  resourceType: 'aws.opensearch.domain',
  duty: 'least-privilege',
  severity: 'medium',
  rationale: 'Without fine-grained access control every caller the access policy admits gets the same access to every index; with it, roles limit access per index, document and field.',
  remediation: {
    text: 'Enable fine-grained access control with an IAM master user or the internal user database.',
    cli: 'aws opensearch update-domain-config --domain-name DOMAIN --advanced-security-options Enabled=true,MasterUserOptions={MasterUserARN=ROLE_ARN}',
  },
  assess(r, ctx) {
    const { fineGrainedAccessControl } = r.data;
    if (r.data.deleted) return ctx.notApplicable('The domain is being deleted', { deleted: true });
    return fineGrainedAccessControl
      ? ctx.pass('Fine-grained access control is on', { fineGrainedAccessControl })
      : ctx.fail('Fine-grained access control is off', { fineGrainedAccessControl });
  },
});

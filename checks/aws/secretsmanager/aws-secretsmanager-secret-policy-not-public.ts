import { defineCheck } from '../../../src/core/check.js';
import { assessResourcePolicy, RESOURCE_POLICIES } from '../lib/resource-policy.js';

export default defineCheck({
  id: 'aws-secretsmanager-secret-policy-not-public',
  title: 'Secrets Manager resource policies do not allow everyone',
  provider: 'aws',
  service: 'secretsmanager',
  resourceType: 'aws.secretsmanager.secret',
  duty: 'network-exposure',
  severity: 'critical',
  rationale: 'A secret\'s resource policy allowing Principal "*" without a narrowing condition lets any AWS account read the credential it holds (only the key policy then stands in the way).',
  remediation: {
    text: 'Name the principals that need the secret, or add aws:PrincipalOrgID / aws:SourceVpce conditions; Secrets Manager\'s BlockPublicPolicy refuses such policies when set.',
    cli: 'aws secretsmanager put-resource-policy --secret-id SECRET --resource-policy file://policy.json --block-public-policy',
  },
  assess: (secret, ctx) => assessResourcePolicy(secret.data.policy, RESOURCE_POLICIES.secretsmanager, ctx),
});

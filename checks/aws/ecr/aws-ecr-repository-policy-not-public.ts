import { defineCheck } from '../../../src/core/check.js';
import { assessResourcePolicy, RESOURCE_POLICIES } from '../lib/resource-policy.js';

export default defineCheck({
  id: 'aws-ecr-repository-policy-not-public',
  title: 'ECR repository policies do not allow everyone',
  provider: 'aws',
  service: 'ecr',
  resourceType: 'aws.ecr.repository',
  duty: 'network-exposure',
  severity: 'high',
  rationale: 'A repository policy allowing Principal "*" without a narrowing condition lets any AWS account pull the images (code, configuration, sometimes baked-in secrets) or, with push actions, replace them.',
  remediation: {
    text: 'Name the accounts or organisation that pull, with aws:PrincipalOrgID where it is the organisation; publish public images through ECR Public instead.',
    cli: 'aws ecr get-repository-policy --repository-name REPO',
  },
  assess: (repo, ctx) => assessResourcePolicy(repo.data.policy, RESOURCE_POLICIES.ecr, ctx),
});

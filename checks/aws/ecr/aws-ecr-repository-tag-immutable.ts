import { defineCheck } from '../../../src/core/check.js';

export default defineCheck({
  id: 'aws-ecr-repository-tag-immutable',
  title: 'ECR repositories make image tags immutable',
  provider: 'aws',
  service: 'ecr',
  resourceType: 'aws.ecr.repository',
  duty: 'patching',
  severity: 'low',
  rationale: 'With mutable tags, pushing to an existing tag silently replaces what every deployment of that tag runs: a scanned, approved image can be swapped for an unscanned one.',
  remediation: {
    text: 'Set tag immutability on the repository (with exclusions for moving tags such as latest if you need them).',
    cli: 'aws ecr put-image-tag-mutability --repository-name REPO --image-tag-mutability IMMUTABLE',
  },
  assess(repo, ctx) {
    const mutability = repo.data.imageTagMutability;
    return mutability.startsWith('IMMUTABLE')
      ? ctx.pass(`Tags are immutable (${mutability})`, { imageTagMutability: mutability })
      : ctx.fail(`Tags can be overwritten (${mutability})`, { imageTagMutability: mutability });
  },
});

import { defineCheck } from '../../../src/core/check.js';

export default defineCheck({
  id: 'aws-ecr-repository-scan-on-push-enabled',
  title: 'ECR repositories scan images for vulnerabilities on push',
  provider: 'aws',
  service: 'ecr',
  resourceType: 'aws.ecr.repository',
  duty: 'patching',
  severity: 'medium',
  rationale: 'Scanning on push reports known vulnerabilities in an image before it is deployed, which is where patching containers starts. (A registry-level enhanced scanning rule also scans; this check reads the repository setting.)',
  remediation: {
    text: 'Turn on scan on push for the repository, or a registry scanning rule covering it.',
    cli: 'aws ecr put-image-scanning-configuration --repository-name REPO --image-scanning-configuration scanOnPush=true',
  },
  assess(repo, ctx) {
    return repo.data.scanOnPush
      ? ctx.pass('Images are scanned on push', { scanOnPush: true })
      : ctx.fail('Images are not scanned on push', { scanOnPush: false });
  },
});

import { defineCheck } from '../../../src/core/check.js';

export default defineCheck({
  id: 'aws-secretsmanager-secret-rotation-enabled',
  title: 'Secrets Manager secrets rotate automatically',
  provider: 'aws',
  service: 'secretsmanager',
  resourceType: 'aws.secretsmanager.secret',
  duty: 'credentials',
  severity: 'medium',
  rationale: 'A credential that never changes stays valid for whoever copied it once. Automatic rotation bounds how long a leaked secret is useful.',
  remediation: {
    text: 'Turn on rotation with a rotation function (managed rotation for RDS, Redshift and DocumentDB secrets).',
    cli: 'aws secretsmanager rotate-secret --secret-id SECRET --rotation-rules AutomaticallyAfterDays=30',
  },
  assess(secret, ctx) {
    const { rotationEnabled, automaticallyAfterDays, rotationLambdaArn } = secret.data;
    const evidence = { rotationEnabled, automaticallyAfterDays, rotationLambdaArn };
    return rotationEnabled
      ? ctx.pass(`Rotation is on${automaticallyAfterDays !== null ? `, every ${automaticallyAfterDays} days` : ''}`, evidence)
      : ctx.fail('Rotation is off', evidence);
  },
});

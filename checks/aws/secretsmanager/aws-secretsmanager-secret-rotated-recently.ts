import { defineCheck } from '../../../src/core/check.js';
import { daysSince } from '../lib/time.js';

export default defineCheck({
  id: 'aws-secretsmanager-secret-rotated-recently',
  title: 'Secrets Manager secrets were rotated within the allowed age',
  provider: 'aws',
  service: 'secretsmanager',
  resourceType: 'aws.secretsmanager.secret',
  duty: 'credentials',
  severity: 'medium',
  rationale: 'Rotation that is switched on can still fail silently (a broken rotation function, a database that refused the new password). The date of the last rotation is what shows the secret actually changes; a secret never rotated counts from its creation.',
  remediation: {
    text: 'Fix the rotation function or rotate the secret now, and alarm on rotation failures (CloudTrail RotationFailed events).',
    cli: 'aws secretsmanager rotate-secret --secret-id SECRET',
  },
  defaults: { maxAgeDays: 90 },
  assess(secret, ctx) {
    const { lastRotatedDate, createdDate } = secret.data;
    const age = daysSince(lastRotatedDate ?? createdDate, ctx.now);
    if (age === null) throw new Error('the secret has neither a rotation nor a creation date');
    const evidence = { lastRotatedDate, createdDate, ageDays: age, maxAgeDays: ctx.params.maxAgeDays };
    if (age <= ctx.params.maxAgeDays) return ctx.pass(`${lastRotatedDate ? 'Rotated' : 'Created'} ${age} days ago`, evidence);
    return ctx.fail(lastRotatedDate ? `Last rotated ${age} days ago (more than ${ctx.params.maxAgeDays})` : `Never rotated in ${age} days`, evidence);
  },
});

import { defineCheck } from '../../../src/core/check.js';
import type {} from '../../../providers/gcp/model/types.js';

const DAY_SECONDS = 86_400;

export default defineCheck({
  id: 'gcp-kms-crypto-key-rotation-enabled',
  title: 'Cloud KMS keys rotate automatically at least every 90 days',
  provider: 'gcp',
  service: 'kms',
  resourceType: 'gcp.kms.crypto-key',
  duty: 'encryption-at-rest',
  severity: 'medium',
  defaults: { maxRotationDays: 90 },
  rationale:
    'Rotation limits how much data one key version protects and how long a compromised version stays useful. Only symmetric ' +
    'encryption keys can rotate automatically; asymmetric and MAC keys are rotated by hand.',
  remediation: {
    text: 'Set a rotation period of 90 days or less on the key.',
    cli: 'gcloud kms keys update KEY --keyring=RING --location=LOCATION --rotation-period=90d --next-rotation-time=$(date -u -d "+1 day" +%Y-%m-%dT%H:%M:%SZ)',
  },
  references: ['https://cloud.google.com/kms/docs/key-rotation', 'CIS Google Cloud Platform Foundation 3.0.0 1.10'],
  assess(key, ctx) {
    if (key.data.purpose !== 'ENCRYPT_DECRYPT') {
      return ctx.notApplicable(`A ${key.data.purpose} key cannot rotate automatically`, { purpose: key.data.purpose });
    }
    if (key.data.primaryState === 'DESTROYED' || key.data.primaryState === 'DESTROY_SCHEDULED') {
      return ctx.notApplicable('The primary version is destroyed', { primaryState: key.data.primaryState });
    }
    const seconds = key.data.rotationPeriodSeconds;
    const evidence = {
      rotationPeriodDays: seconds === null ? null : seconds / DAY_SECONDS,
      nextRotationTime: key.data.nextRotationTime,
      maxRotationDays: ctx.params.maxRotationDays,
    };
    if (seconds === null) return ctx.fail('Automatic rotation is off', evidence);
    return seconds <= ctx.params.maxRotationDays * DAY_SECONDS
      ? ctx.pass(`The key rotates every ${seconds / DAY_SECONDS} days`, evidence)
      : ctx.fail(`The key rotates only every ${seconds / DAY_SECONDS} days`, evidence);
  },
});

import { defineCheck } from '../../../src/core/check.js';
import { rotationApplies } from '../../../providers/aws/resources.js';

export default defineCheck({
  id: 'aws-kms-key-rotation-enabled',
  title: 'Customer-managed KMS keys rotate their key material',
  provider: 'aws',
  service: 'kms',
  resourceType: 'aws.kms.key',
  duty: 'encryption-at-rest',
  severity: 'medium',
  rationale: 'Automatic rotation limits how much data one piece of key material protects, as key-management clauses and standards ask, at no cost to applications: old material keeps decrypting.',
  remediation: {
    text: 'Enable automatic rotation on the key (yearly by default, or a shorter period).',
    cli: 'aws kms enable-key-rotation --key-id KEY --rotation-period-in-days 365',
  },
  assess(key, ctx) {
    const metadata = ctx.known(key.data.metadata);
    const { keyManager, keySpec, origin, keyState } = metadata;
    if (!rotationApplies(metadata)) {
      return ctx.notApplicable('Automatic rotation does not apply to this key', { keyManager, keySpec, origin, keyState });
    }
    if (key.data.rotation === null) throw new Error('rotation applies to this key but its rotation status was not collected');
    const rotation = ctx.known(key.data.rotation);
    return rotation.keyRotationEnabled
      ? ctx.pass('Automatic rotation is on', { ...rotation })
      : ctx.fail('Automatic rotation is off', { ...rotation });
  },
});

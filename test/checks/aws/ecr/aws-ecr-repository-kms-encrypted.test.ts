import { describe, expect, test } from 'vitest';
import { runCheck, statuses } from '../../../support/checks.js';
import check from '../../../../checks/aws/ecr/aws-ecr-repository-kms-encrypted.js';
import { failedListingOf, kmsKey, listingOf } from '../../../fixtures/aws.js';
import { ecrRepository } from '../../../fixtures/aws-edge.js';

describe(check.id, () => {
  const keys = listingOf('aws.kms.key', [kmsKey('cmk-1')]);
  const policy = { criticalResources: ['payments-*'] };

  test('critical repositories need KMS with a customer key; others are NOT_APPLICABLE', () => {
    const results = runCheck(check, [keys, listingOf('aws.ecr.repository', [
      ecrRepository('payments-api', { encryptionType: 'KMS', kmsKey: keys.items.ok ? keys.items.value[0]!.data.arn : '' }),
      ecrRepository('payments-aws-key', { encryptionType: 'KMS', kmsKey: 'arn:aws:kms:eu-west-1:111111111111:alias/aws/ecr' }),
      ecrRepository('payments-aes'),
      ecrRepository('payments-lost-key', { encryptionType: 'KMS', kmsKey: 'arn:aws:kms:eu-west-1:111111111111:key/gone' }),
      ecrRepository('tools'),
    ])], { policy });
    expect(statuses(results)).toEqual([['payments-api', 'PASS'], ['payments-aws-key', 'FAIL'], ['payments-aes', 'FAIL'], ['payments-lost-key', 'ERROR'], ['tools', 'NOT_APPLICABLE']]);
  });

  test('NOT_ASSESSED without policy.criticalResources; ERROR for a failed listing', () => {
    expect(runCheck(check, [keys, listingOf('aws.ecr.repository', [ecrRepository('x')])])[0]?.status).toBe('NOT_ASSESSED');
    expect(runCheck(check, [keys, failedListingOf('aws.ecr.repository', 'ecr:DescribeRepositories')], { policy })[0]?.status).toBe('ERROR');
  });
});

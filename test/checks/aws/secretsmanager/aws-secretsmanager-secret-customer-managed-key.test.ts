import { describe, expect, test } from 'vitest';
import { runCheck, statuses } from '../../../support/checks.js';
import check from '../../../../checks/aws/secretsmanager/aws-secretsmanager-secret-customer-managed-key.js';
import { CUSTOMER_KEY, deniedFact, failedListingOf, kmsKey, listingOf, OTHER_ACCOUNT } from '../../../fixtures/aws.js';
import { secret } from '../../../fixtures/aws-edge.js';
import { seen } from '../../../../src/core/observed.js';

describe(check.id, () => {
  const cmk = kmsKey('cmk-1', { aliases: ['alias/app'] });
  const awsKey = kmsKey('aws-1', { metadata: seen({ ...CUSTOMER_KEY, keyManager: 'AWS' }), aliases: ['alias/aws/secretsmanager'] });
  const unread = kmsKey('unread-1', { metadata: deniedFact('kms:DescribeKey') });
  const keys = listingOf('aws.kms.key', [cmk, awsKey, unread]);

  test('customer keys by ARN, id, alias or another account PASS; the default and AWS managed keys FAIL; unknown keys are ERROR', () => {
    const results = runCheck(check, [keys, listingOf('aws.secretsmanager.secret', [
      secret('by-arn', { kmsKeyId: cmk.data.arn }),
      secret('by-alias', { kmsKeyId: 'alias/app' }),
      secret('cross-account', { kmsKeyId: `arn:aws:kms:eu-west-1:${OTHER_ACCOUNT}:key/x` }),
      secret('default', { kmsKeyId: null }),
      secret('aws-alias', { kmsKeyId: 'alias/aws/secretsmanager' }),
      secret('aws-by-id', { kmsKeyId: 'aws-1' }),
      secret('key-unread', { kmsKeyId: 'unread-1' }),
      secret('key-missing', { kmsKeyId: 'gone-1' }),
    ])]);
    expect(statuses(results)).toEqual([
      ['by-arn', 'PASS'], ['by-alias', 'PASS'], ['cross-account', 'PASS'], ['default', 'FAIL'], ['aws-alias', 'FAIL'], ['aws-by-id', 'FAIL'], ['key-unread', 'ERROR'], ['key-missing', 'ERROR'],
    ]);
    expect(results[6]?.error?.operation).toBe('kms:DescribeKey');
  });

  test('ERROR when the keys or secrets could not be listed, NOT_APPLICABLE without secrets', () => {
    expect(runCheck(check, [failedListingOf('aws.kms.key', 'kms:ListKeys'), listingOf('aws.secretsmanager.secret', [secret('s', { kmsKeyId: 'cmk-1' })])])[0]?.status).toBe('ERROR');
    expect(runCheck(check, [keys, failedListingOf('aws.secretsmanager.secret', 'secretsmanager:ListSecrets')])[0]?.status).toBe('ERROR');
    expect(runCheck(check, [keys, listingOf('aws.secretsmanager.secret', [])])[0]?.status).toBe('NOT_APPLICABLE');
  });
});

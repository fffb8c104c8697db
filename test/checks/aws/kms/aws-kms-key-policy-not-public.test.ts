import { describe, expect, test } from 'vitest';
import { seen } from '../../../../src/core/observed.js';
import { runCheck, statuses } from '../../../support/checks.js';
import check from '../../../../checks/aws/kms/aws-kms-key-policy-not-public.js';
import { CUSTOMER_KEY, deniedFact, failedListingOf, kmsKey, listingOf } from '../../../fixtures/aws.js';
import { openTo } from '../../../fixtures/aws-edge.js';

describe(check.id, () => {
  test('customer keys: PASS owner-only or kms:CallerAccount-narrowed, FAIL open to "*"; AWS managed keys NOT_APPLICABLE; unread ERROR', () => {
    const results = runCheck(check, [listingOf('aws.kms.key', [
      kmsKey('owner'),
      kmsKey('caller', { policy: seen(openTo('kms:Decrypt', { StringEquals: { 'kms:CallerAccount': '111111111111' } })) }),
      kmsKey('open', { policy: seen(openTo(['kms:Decrypt', 'kms:DescribeKey'])) }),
      kmsKey('aws', { metadata: seen({ ...CUSTOMER_KEY, keyManager: 'AWS' }), policy: null }),
      kmsKey('unread', { policy: deniedFact('kms:GetKeyPolicy') }),
      kmsKey('gap', { policy: null }),
    ])]);
    expect(statuses(results)).toEqual([['owner', 'PASS'], ['caller', 'PASS'], ['open', 'FAIL'], ['aws', 'NOT_APPLICABLE'], ['unread', 'ERROR'], ['gap', 'ERROR']]);
    expect(results[2]?.message).toBe('The key policy allows everyone: kms:Decrypt, kms:DescribeKey');
    expect(results[5]?.error?.origin).toBe('check');
    expect(runCheck(check, [failedListingOf('aws.kms.key', 'kms:ListKeys')])[0]?.status).toBe('ERROR');
  });
});

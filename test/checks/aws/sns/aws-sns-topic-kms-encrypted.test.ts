import { describe, expect, test } from 'vitest';
import { runCheck, statuses } from '../../../support/checks.js';
import { seen } from '../../../../src/core/observed.js';
import check from '../../../../checks/aws/sns/aws-sns-topic-kms-encrypted.js';
import { deniedFact, failedListingOf, listingOf } from '../../../fixtures/aws.js';
import { snsTopic } from '../../../fixtures/aws-edge.js';

describe(check.id, () => {
  test('PASS with a KMS key, FAIL without, ERROR when unread, NOT_APPLICABLE without topics', () => {
    const results = runCheck(check, [listingOf('aws.sns.topic', [
      snsTopic('kms'),
      snsTopic('plain', { attributes: seen({ kmsMasterKeyId: null, policy: null }) }),
      snsTopic('unread', { attributes: deniedFact('sns:GetTopicAttributes') }),
    ])]);
    expect(statuses(results)).toEqual([['kms', 'PASS'], ['plain', 'FAIL'], ['unread', 'ERROR']]);
    expect(runCheck(check, [failedListingOf('aws.sns.topic', 'sns:ListTopics')])[0]?.status).toBe('ERROR');
    expect(runCheck(check, [listingOf('aws.sns.topic', [])])[0]?.status).toBe('NOT_APPLICABLE');
  });
});

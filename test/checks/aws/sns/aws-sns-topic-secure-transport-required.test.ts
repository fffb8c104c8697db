import { describe, expect, test } from 'vitest';
import { runCheck, statuses } from '../../../support/checks.js';
import { seen } from '../../../../src/core/observed.js';
import check from '../../../../checks/aws/sns/aws-sns-topic-secure-transport-required.js';
import { deniedFact, failedListingOf, listingOf } from '../../../fixtures/aws.js';
import { denyPlainHttp, snsTopic } from '../../../fixtures/aws-edge.js';

describe(check.id, () => {
  test('PASS with a Deny on aws:SecureTransport false, FAIL without, ERROR when unread, NOT_APPLICABLE without topics', () => {
    const results = runCheck(check, [listingOf('aws.sns.topic', [
      snsTopic('tls', { attributes: seen({ kmsMasterKeyId: null, policy: denyPlainHttp('SNS') }) }),
      snsTopic('default'),
      snsTopic('unread', { attributes: deniedFact('sns:GetTopicAttributes') }),
    ])]);
    expect(statuses(results)).toEqual([['tls', 'PASS'], ['default', 'FAIL'], ['unread', 'ERROR']]);
    expect(runCheck(check, [failedListingOf('aws.sns.topic', 'sns:ListTopics')])[0]?.status).toBe('ERROR');
    expect(runCheck(check, [listingOf('aws.sns.topic', [])])[0]?.status).toBe('NOT_APPLICABLE');
  });
});

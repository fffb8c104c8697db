import { describe, expect, test } from 'vitest';
import { runCheck, statuses } from '../../../support/checks.js';
import { seen } from '../../../../src/core/observed.js';
import check from '../../../../checks/aws/sns/aws-sns-topic-policy-not-public.js';
import { deniedFact, failedListingOf, listingOf } from '../../../fixtures/aws.js';
import { openTo, snsTopic } from '../../../fixtures/aws-edge.js';

describe(check.id, () => {
  test('PASS for the owner-only default, FAIL for "*" without a condition, ERROR when unread, NOT_APPLICABLE without topics', () => {
    const results = runCheck(check, [listingOf('aws.sns.topic', [
      snsTopic('default'),
      snsTopic('org', { attributes: seen({ kmsMasterKeyId: null, policy: openTo('SNS:Publish', { StringEquals: { 'aws:PrincipalOrgID': 'o-1' } }) }) }),
      snsTopic('open', { attributes: seen({ kmsMasterKeyId: null, policy: openTo('SNS:Subscribe') }) }),
      snsTopic('unread', { attributes: deniedFact('sns:GetTopicAttributes') }),
    ])]);
    expect(statuses(results)).toEqual([['default', 'PASS'], ['org', 'PASS'], ['open', 'FAIL'], ['unread', 'ERROR']]);
    expect(runCheck(check, [failedListingOf('aws.sns.topic', 'sns:ListTopics')])[0]?.status).toBe('ERROR');
    expect(runCheck(check, [listingOf('aws.sns.topic', [])])[0]?.status).toBe('NOT_APPLICABLE');
  });
});

import { describe, expect, test } from 'vitest';
import { runCheck, statuses } from '../../../support/checks.js';
import check from '../../../../checks/aws/sqs/aws-sqs-queue-policy-not-public.js';
import { deniedFact, failedListingOf, listingOf } from '../../../fixtures/aws.js';
import { openTo, ownerOnly, sqsQueue, withData } from '../../../fixtures/aws-edge.js';

describe(check.id, () => {
  test('PASS without a policy or with a narrowed one, FAIL for "*" without a condition', () => {
    const results = runCheck(check, [listingOf('aws.sqs.queue', [
      sqsQueue('none'),
      sqsQueue('owner', { policy: ownerOnly('sqs:*') }),
      sqsQueue('from-topic', { policy: openTo('sqs:SendMessage', { ArnEquals: { 'aws:SourceArn': 'arn:aws:sns:eu-west-1:111111111111:t' } }) }),
      sqsQueue('open', { policy: openTo(['sqs:SendMessage', 'sqs:ReceiveMessage']) }),
    ])]);
    expect(statuses(results)).toEqual([['none', 'PASS'], ['owner', 'PASS'], ['from-topic', 'PASS'], ['open', 'FAIL']]);
    expect(results[3]?.message).toBe('The queue policy allows everyone: sqs:SendMessage, sqs:ReceiveMessage');
  });

  test('ERROR when the attributes or the listing could not be read; NOT_APPLICABLE without queues', () => {
    const denied = withData(sqsQueue('unread'), { attributes: deniedFact('sqs:GetQueueAttributes') });
    expect(runCheck(check, [listingOf('aws.sqs.queue', [denied])])[0]).toMatchObject({ status: 'ERROR', error: { operation: 'sqs:GetQueueAttributes' } });
    expect(runCheck(check, [failedListingOf('aws.sqs.queue', 'sqs:ListQueues')])[0]?.status).toBe('ERROR');
    expect(runCheck(check, [listingOf('aws.sqs.queue', [])])[0]?.status).toBe('NOT_APPLICABLE');
  });
});

import { describe, expect, test } from 'vitest';
import { runCheck, statuses } from '../../../support/checks.js';
import check from '../../../../checks/aws/sqs/aws-sqs-queue-encrypted.js';
import { deniedFact, failedListingOf, listingOf } from '../../../fixtures/aws.js';
import { sqsQueue, withData } from '../../../fixtures/aws-edge.js';

describe(check.id, () => {
  test('PASS with SSE-SQS or a KMS key, FAIL with neither, ERROR when unread, NOT_APPLICABLE without queues', () => {
    const results = runCheck(check, [listingOf('aws.sqs.queue', [
      sqsQueue('sse-sqs'),
      sqsQueue('kms', { sqsManagedSse: false, kmsMasterKeyId: 'alias/orders' }),
      sqsQueue('plain', { sqsManagedSse: false }),
      withData(sqsQueue('unread'), { attributes: deniedFact('sqs:GetQueueAttributes') }),
    ])]);
    expect(statuses(results)).toEqual([['sse-sqs', 'PASS'], ['kms', 'PASS'], ['plain', 'FAIL'], ['unread', 'ERROR']]);
    expect(results[1]?.message).toBe('Encrypted with KMS key alias/orders');
    expect(runCheck(check, [failedListingOf('aws.sqs.queue', 'sqs:ListQueues')])[0]?.status).toBe('ERROR');
    expect(runCheck(check, [listingOf('aws.sqs.queue', [])])[0]?.status).toBe('NOT_APPLICABLE');
  });
});

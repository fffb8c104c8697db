import { describe, expect, test } from 'vitest';
import { runCheck, statuses } from '../../../support/checks.js';
import check from '../../../../checks/aws/sqs/aws-sqs-queue-secure-transport-required.js';
import { deniedFact, failedListingOf, listingOf } from '../../../fixtures/aws.js';
import { denyPlainHttp, ownerOnly, sqsQueue, withData } from '../../../fixtures/aws-edge.js';

describe(check.id, () => {
  test('PASS with a Deny on aws:SecureTransport false, FAIL without, ERROR when unread, NOT_APPLICABLE without queues', () => {
    const results = runCheck(check, [listingOf('aws.sqs.queue', [
      sqsQueue('tls', { policy: denyPlainHttp('sqs') }),
      sqsQueue('other-service', { policy: denyPlainHttp('sns') }),
      sqsQueue('owner', { policy: ownerOnly('sqs:*') }),
      sqsQueue('none'),
      withData(sqsQueue('unread'), { attributes: deniedFact('sqs:GetQueueAttributes') }),
    ])]);
    expect(statuses(results)).toEqual([['tls', 'PASS'], ['other-service', 'FAIL'], ['owner', 'FAIL'], ['none', 'FAIL'], ['unread', 'ERROR']]);
    expect(results[3]?.message).toBe('The queue has no policy, so plain HTTP is accepted');
    expect(runCheck(check, [failedListingOf('aws.sqs.queue', 'sqs:ListQueues')])[0]?.status).toBe('ERROR');
    expect(runCheck(check, [listingOf('aws.sqs.queue', [])])[0]?.status).toBe('NOT_APPLICABLE');
  });
});

import { GetQueueAttributesCommand, paginateListQueues, type GetQueueAttributesCommandOutput } from '@aws-sdk/client-sqs';
import type { Listing } from '../../../src/core/inventory.js';
import { resource } from '../../../src/inventory/build.js';
import type { SqsQueueAttributes } from '../model/index.js';
import type { AwsCaller } from './caller.js';
import { resourcePolicy } from './resource-policy.js';

/** SQS queues of one region: ListQueues in pages (URLs only), then GetQueueAttributes per queue, the only source of its policy and encryption. */
export async function collectSqs(caller: AwsCaller, region: string): Promise<Listing> {
  const where = { provider: 'aws' as const, account: caller.account, region };
  return caller.listing('aws.sqs.queue', region, 'sqs', 'ListQueues', async () => {
    const urls = await caller.all('sqs', region, paginateListQueues, {}, (p) => p.QueueUrls, 1000);
    return Promise.all(urls.map(async (queueUrl) => {
      const queueName = queueUrl.split('/').pop() ?? queueUrl;
      const attributes = await caller.observe('sqs', region, new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ['All'] }),
        (o: GetQueueAttributesCommandOutput): SqsQueueAttributes => {
          const a = o.Attributes ?? {};
          return {
            queueArn: a.QueueArn ?? '',
            sqsManagedSse: a.SqsManagedSseEnabled === 'true',
            kmsMasterKeyId: a.KmsMasterKeyId || null,
            policy: resourcePolicy(a.Policy),
          };
        });
      const arn = attributes.ok && attributes.value.queueArn ? attributes.value.queueArn : queueUrl;
      return resource('aws.sqs.queue', where, { id: arn, name: queueName, data: { queueUrl, queueName, attributes } });
    }));
  });
}

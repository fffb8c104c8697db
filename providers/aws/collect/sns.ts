import { GetTopicAttributesCommand, paginateListTopics, type GetTopicAttributesCommandOutput } from '@aws-sdk/client-sns';
import type { Listing } from '../../../src/core/inventory.js';
import { resource } from '../../../src/inventory/build.js';
import type { AwsCaller } from './caller.js';
import { resourcePolicy } from './resource-policy.js';

/** SNS topics of one region: ListTopics in pages (ARNs only), then GetTopicAttributes per topic for its policy and key. */
export async function collectSns(caller: AwsCaller, region: string): Promise<Listing> {
  const where = { provider: 'aws' as const, account: caller.account, region };
  return caller.listing('aws.sns.topic', region, 'sns', 'ListTopics', async () => {
    const topics = await caller.all('sns', region, paginateListTopics, {}, (p) => p.Topics);
    return Promise.all(topics.filter((t) => t.TopicArn).map(async (t) => {
      const topicArn = t.TopicArn!;
      const attributes = await caller.observe('sns', region, new GetTopicAttributesCommand({ TopicArn: topicArn }), (o: GetTopicAttributesCommandOutput) => ({
        kmsMasterKeyId: o.Attributes?.KmsMasterKeyId || null,
        policy: resourcePolicy(o.Attributes?.Policy),
      }));
      return resource('aws.sns.topic', where, { id: topicArn, name: topicArn.split(':').pop() ?? topicArn, data: { topicArn, attributes } });
    }));
  });
}

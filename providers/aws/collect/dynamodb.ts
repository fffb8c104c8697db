import {
  DescribeContinuousBackupsCommand,
  DescribeTableCommand,
  ListTagsOfResourceCommand,
  paginateListTables,
  type DescribeContinuousBackupsCommandOutput,
  type DescribeTableCommandOutput,
  type ListTagsOfResourceCommandOutput,
  type Tag,
} from '@aws-sdk/client-dynamodb';
import type { Listing } from '../../../src/core/inventory.js';
import { seen, unseen, type Observed } from '../../../src/core/observed.js';
import { resource } from '../../../src/inventory/build.js';
import { partitionOf, provenance, required, tagsOf, type AwsCaller } from './caller.js';

/**
 * DynamoDB tables of one region: ListTables in pages, then per table DescribeTable (encryption,
 * deletion protection; a table it cannot describe fails the listing, as nothing about it is
 * known), DescribeContinuousBackups and ListTagsOfResource (each its own fact, which may be unknown).
 */
export async function collectDynamoDb(caller: AwsCaller, region: string): Promise<Listing> {
  const where = { provider: 'aws' as const, account: caller.account, region };
  return caller.listing('aws.dynamodb.table', region, 'dynamodb', 'ListTables', async () => {
    const names = await caller.all('dynamodb', region, paginateListTables, {}, (p) => p.TableNames, 100);
    return Promise.all(names.map(async (tableName) => {
      const table = required(await caller.observe('dynamodb', region, new DescribeTableCommand({ TableName: tableName }), (o: DescribeTableCommandOutput) => o.Table));
      const arn = table?.TableArn ?? `arn:${partitionOf(region)}:dynamodb:${region}:${caller.account}:table/${tableName}`;
      const [pointInTimeRecovery, tagging] = await Promise.all([
        caller.observe('dynamodb', region, new DescribeContinuousBackupsCommand({ TableName: tableName }), (o: DescribeContinuousBackupsCommandOutput) => {
          const pitr = o.ContinuousBackupsDescription?.PointInTimeRecoveryDescription;
          return { enabled: pitr?.PointInTimeRecoveryStatus === 'ENABLED', recoveryPeriodInDays: pitr?.RecoveryPeriodInDays ?? null };
        }),
        tagsOfTable(caller, region, arn),
      ]);
      return resource('aws.dynamodb.table', where, {
        id: arn, name: tableName, tags: tagging.ok ? tagging.value : {},
        data: {
          tableName, tableArn: arn, tableStatus: table?.TableStatus ?? '',
          encryption: { sseType: table?.SSEDescription?.SSEType ?? null, kmsKeyArn: table?.SSEDescription?.KMSMasterKeyArn ?? null },
          deletionProtectionEnabled: table?.DeletionProtectionEnabled ?? false,
          pointInTimeRecovery, tagging,
        },
      });
    }));
  });
}

/** ListTagsOfResource has no paginator in the SDK: follow NextToken here. */
async function tagsOfTable(caller: AwsCaller, region: string, arn: string): Promise<Observed<Readonly<Record<string, string>>>> {
  const tags: Tag[] = [];
  let token: string | undefined;
  do {
    const page = await caller.observe('dynamodb', region, new ListTagsOfResourceCommand({ ResourceArn: arn, ...(token ? { NextToken: token } : {}) }),
      (o: ListTagsOfResourceCommandOutput) => o);
    if (!page.ok) return unseen(page.error);
    tags.push(...(page.value.Tags ?? []));
    token = page.value.NextToken;
  } while (token);
  return seen(tagsOf(tags), provenance('dynamodb', 'ListTagsOfResource'));
}

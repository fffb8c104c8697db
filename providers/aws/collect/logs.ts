import { paginateDescribeLogGroups } from '@aws-sdk/client-cloudwatch-logs';
import type { Listing } from '../../../src/core/inventory.js';
import { resource } from '../../../src/inventory/build.js';
import { partitionOf, type AwsCaller } from './caller.js';

/** CloudWatch Logs log groups of one region, 50 per page (the API's maximum). */
export async function collectLogs(caller: AwsCaller, region: string): Promise<Listing> {
  const where = { provider: 'aws' as const, account: caller.account, region };
  return caller.listing('aws.logs.log-group', region, 'logs', 'DescribeLogGroups', async () =>
    (await caller.all('logs', region, paginateDescribeLogGroups, {}, (p) => p.logGroups, 50)).map((g) => {
      const name = g.logGroupName ?? '';
      // DescribeLogGroups' `arn` ends in `:*` (the log streams); the group itself is named without it.
      const arn = (g.arn ?? `arn:${partitionOf(region)}:logs:${region}:${caller.account}:log-group:${name}`).replace(/:\*$/, '');
      return resource('aws.logs.log-group', where, {
        id: arn, name,
        data: {
          logGroupName: name, arn, retentionInDays: g.retentionInDays ?? null, storedBytes: g.storedBytes ?? null,
          kmsKeyId: g.kmsKeyId ?? null, logGroupClass: g.logGroupClass ?? null,
          creationTime: g.creationTime !== undefined ? new Date(g.creationTime).toISOString() : null,
        },
      });
    }));
}

import { paginateListAnalyzers } from '@aws-sdk/client-accessanalyzer';
import type { Listing } from '../../../src/core/inventory.js';
import { resource } from '../../../src/inventory/build.js';
import { iso, type AwsCaller } from './caller.js';

/** IAM Access Analyzer analyzers of one region, every type, in pages. */
export async function collectAccessAnalyzer(caller: AwsCaller, region: string): Promise<Listing> {
  const where = { provider: 'aws' as const, account: caller.account, region };
  return caller.listing('aws.accessanalyzer.analyzer', region, 'access-analyzer', 'ListAnalyzers', async () =>
    (await caller.all('access-analyzer', region, paginateListAnalyzers, {}, (p) => p.analyzers, 100)).map((a) => {
      const arn = a.arn ?? a.name ?? '';
      return resource('aws.accessanalyzer.analyzer', where, {
        id: arn, name: a.name ?? arn, tags: { ...a.tags },
        data: {
          arn, name: a.name ?? '', type: a.type ?? '', status: a.status ?? '',
          statusReason: a.statusReason?.code ?? null, createdAt: iso(a.createdAt),
        },
      });
    }));
}

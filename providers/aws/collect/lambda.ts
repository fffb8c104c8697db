import { GetPolicyCommand, paginateListFunctions, paginateListFunctionUrlConfigs, type GetPolicyCommandOutput } from '@aws-sdk/client-lambda';
import type { Listing } from '../../../src/core/inventory.js';
import { seen, unseen, type Observed } from '../../../src/core/observed.js';
import { resource } from '../../../src/inventory/build.js';
import type { FunctionUrl } from '../model/index.js';
import { provenance, type AwsCaller } from './caller.js';
import { resourcePolicy } from './resource-policy.js';

/** Lambda functions of one region: ListFunctions in pages, then per function GetPolicy and ListFunctionUrlConfigs (neither is in the listing). */
export async function collectLambda(caller: AwsCaller, region: string): Promise<Listing> {
  const where = { provider: 'aws' as const, account: caller.account, region };
  return caller.listing('aws.lambda.function', region, 'lambda', 'ListFunctions', async () => {
    const functions = await caller.all('lambda', region, paginateListFunctions, {}, (p) => p.Functions, 50);
    return Promise.all(functions.filter((f) => f.FunctionArn && f.FunctionName).map(async (f) => {
      const FunctionName = f.FunctionName!;
      const policy = caller.observe('lambda', region, new GetPolicyCommand({ FunctionName }), (o: GetPolicyCommandOutput) => resourcePolicy(o.Policy), null);
      const urls: Observed<readonly FunctionUrl[]> = await caller
        .all('lambda', region, paginateListFunctionUrlConfigs, { FunctionName }, (p) => p.FunctionUrlConfigs, 50)
        .then((list) => seen(list.map((u) => ({ functionUrl: u.FunctionUrl ?? '', authType: u.AuthType ?? '' })), provenance('lambda', 'ListFunctionUrlConfigs')),
          (e: unknown) => unseen(caller.error(e, 'lambda', 'ListFunctionUrlConfigs', region)));
      return resource('aws.lambda.function', where, {
        id: f.FunctionArn!, name: FunctionName,
        data: {
          functionName: FunctionName, functionArn: f.FunctionArn!, runtime: f.Runtime ?? null, packageType: f.PackageType ?? 'Zip',
          lastModified: f.LastModified ?? null, policy: await policy, urls,
        },
      });
    }));
  });
}

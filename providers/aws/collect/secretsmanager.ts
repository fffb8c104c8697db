import { GetResourcePolicyCommand, paginateListSecrets, type GetResourcePolicyCommandOutput } from '@aws-sdk/client-secrets-manager';
import type { Listing } from '../../../src/core/inventory.js';
import { resource } from '../../../src/inventory/build.js';
import { iso, tagsOf, type AwsCaller } from './caller.js';
import { resourcePolicy } from './resource-policy.js';

/** Secrets of one region: ListSecrets carries rotation, key and tags; the resource policy needs GetResourcePolicy per secret. */
export async function collectSecrets(caller: AwsCaller, region: string): Promise<Listing> {
  const where = { provider: 'aws' as const, account: caller.account, region };
  return caller.listing('aws.secretsmanager.secret', region, 'secretsmanager', 'ListSecrets', async () => {
    const secrets = await caller.all('secretsmanager', region, paginateListSecrets, {}, (p) => p.SecretList, 100);
    return Promise.all(secrets.filter((s) => s.ARN).map(async (s) => {
      const arn = s.ARN!;
      const policy = await caller.observe('secretsmanager', region, new GetResourcePolicyCommand({ SecretId: arn }),
        (o: GetResourcePolicyCommandOutput) => resourcePolicy(o.ResourcePolicy));
      return resource('aws.secretsmanager.secret', where, {
        id: arn, name: s.Name ?? arn, tags: tagsOf(s.Tags),
        data: {
          arn, name: s.Name ?? '', kmsKeyId: s.KmsKeyId || null, rotationEnabled: s.RotationEnabled ?? false,
          rotationLambdaArn: s.RotationLambdaARN || null, automaticallyAfterDays: s.RotationRules?.AutomaticallyAfterDays ?? null,
          lastRotatedDate: iso(s.LastRotatedDate), lastChangedDate: iso(s.LastChangedDate), createdDate: iso(s.CreatedDate), policy,
        },
      });
    }));
  });
}

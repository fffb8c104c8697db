import {
  DescribeKeyCommand,
  GetKeyPolicyCommand,
  GetKeyRotationStatusCommand,
  paginateListAliases,
  paginateListKeys,
  type DescribeKeyCommandOutput,
  type GetKeyPolicyCommandOutput,
  type GetKeyRotationStatusCommandOutput,
} from '@aws-sdk/client-kms';
import type { Listing } from '../../../src/core/inventory.js';
import { seen, unseen, type Observed } from '../../../src/core/observed.js';
import { resource } from '../../../src/inventory/build.js';
import { type KmsKeyMetadata } from '../model/index.js';
import { rotationApplies } from '../resources.js';
import { iso, provenance, type AwsCaller } from './caller.js';
import { resourcePolicy } from './resource-policy.js';

/**
 * KMS keys of one region: ListKeys and ListAliases in pages, then DescribeKey per key (a key
 * policy can deny it for one key alone), GetKeyRotationStatus only where rotation applies, and
 * GetKeyPolicy for customer-managed keys (AWS-managed keys' policies are AWS's, never public).
 */
export async function collectKms(caller: AwsCaller, region: string): Promise<Listing> {
  const where = { provider: 'aws' as const, account: caller.account, region };
  const aliases: Promise<Observed<ReadonlyMap<string, string[]>>> = caller
    .all('kms', region, paginateListAliases, {}, (p) => p.Aliases, 100)
    .then((list) => {
      const byKey = new Map<string, string[]>();
      for (const a of list) if (a.TargetKeyId && a.AliasName) byKey.set(a.TargetKeyId, [...(byKey.get(a.TargetKeyId) ?? []), a.AliasName]);
      return seen(byKey, provenance('kms', 'ListAliases'));
    }, (e: unknown) => unseen(caller.error(e, 'kms', 'ListAliases', region)));
  return caller.listing('aws.kms.key', region, 'kms', 'ListKeys', async () => {
    const keys = await caller.all('kms', region, paginateListKeys, {}, (p) => p.Keys, 1000);
    const aliasMap = await aliases;
    // Aliases are names only: when they could not be listed the key id names the key.
    const aliasesOf = (id: string) => (aliasMap.ok ? aliasMap.value.get(id) ?? [] : []);
    return Promise.all(keys.filter((k) => k.KeyId).map(async (k) => {
      const keyId = k.KeyId!;
      const metadata = await caller.observe('kms', region, new DescribeKeyCommand({ KeyId: keyId }), (o: DescribeKeyCommandOutput): KmsKeyMetadata => {
        const m = o.KeyMetadata;
        return {
          keyManager: m?.KeyManager ?? '', keySpec: m?.KeySpec ?? '', keyUsage: m?.KeyUsage ?? '', keyState: m?.KeyState ?? '',
          origin: m?.Origin ?? '', creationDate: iso(m?.CreationDate) ?? '', description: m?.Description ?? '', multiRegion: m?.MultiRegion ?? false,
        };
      });
      const rotation = metadata.ok && rotationApplies(metadata.value)
        ? await caller.observe('kms', region, new GetKeyRotationStatusCommand({ KeyId: keyId }), (o: GetKeyRotationStatusCommandOutput) => ({
          keyRotationEnabled: o.KeyRotationEnabled ?? false,
          rotationPeriodInDays: o.RotationPeriodInDays ?? null,
        }))
        : null;
      const policy = metadata.ok && metadata.value.keyManager === 'CUSTOMER'
        ? await caller.observe('kms', region, new GetKeyPolicyCommand({ KeyId: keyId, PolicyName: 'default' }), (o: GetKeyPolicyCommandOutput) => {
          const doc = resourcePolicy(o.Policy);
          if (doc === null) throw Object.assign(new Error('GetKeyPolicy returned no policy'), { name: 'InvalidResponse' });
          return doc;
        })
        : null;
      const arn = k.KeyArn ?? keyId;
      const names = aliasesOf(keyId);
      return resource('aws.kms.key', where, {
        id: arn, name: names[0] ?? keyId,
        data: { keyId, arn, aliases: names, metadata, rotation, policy },
      });
    }));
  });
}

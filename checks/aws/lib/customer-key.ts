import type { AssessContext, Params, Verdict } from '../../../src/core/check.js';
import { criticalGlob } from '../../../src/core/critical.js';

/**
 * The "critical data under a customer-managed key" rule, written once for every AWS data service:
 * critical resources (`policy.criticalResources`) must be encrypted with a KMS key the customer
 * manages (its key policy and CloudTrail record control and show every decryption), not with an
 * AWS owned or AWS managed (`alias/aws/...`) key. Not critical: NOT_APPLICABLE; no critical
 * resources named: NOT_ASSESSED.
 */

/** Who manages the key a resource is encrypted with. */
export type KeyManager = 'AWS_OWNED' | 'AWS' | 'CUSTOMER';

const AWS_ALIAS = /(^|:)alias\/aws\//;

/**
 * `keyRef` as services report it (key ARN, key id, alias name or alias ARN; null for an AWS owned
 * key), resolved against the account's KMS keys. A key of another account is customer managed
 * (AWS managed keys cannot be shared); a key of this account missing from the KMS listing throws,
 * since guessing either way would be a verdict without evidence.
 */
export function keyManagerOf(keyRef: string | null, ctx: AssessContext<Params, 'aws.kms.key'>): KeyManager {
  if (keyRef === null || keyRef === '') return 'AWS_OWNED';
  if (AWS_ALIAS.test(keyRef)) return 'AWS';
  const account = /^arn:aws[a-z-]*:kms:[^:]*:(\d{12}):/.exec(keyRef)?.[1];
  if (account !== undefined && account !== ctx.scope.account) return 'CUSTOMER';
  const alias = /(?:^|:)(alias\/.+)$/.exec(keyRef)?.[1];
  // A resource's key lives in the resource's own region (KMS keys are regional; a multi-Region
  // replica has an ARN there too): a KMS listing that failed elsewhere says nothing about it.
  const key = ctx.related('aws.kms.key', { region: 'same' }).find((k) =>
    k.data.arn === keyRef || k.data.keyId === keyRef || (alias !== undefined && k.data.aliases.includes(alias)));
  if (!key) throw new Error(`KMS key ${keyRef} is not in the inventory of KMS keys`);
  return ctx.known(key.data.metadata).keyManager === 'CUSTOMER' ? 'CUSTOMER' : 'AWS';
}

const KEY_WORDS: Record<KeyManager, string> = { AWS_OWNED: 'an AWS owned key', AWS: 'an AWS managed key', CUSTOMER: 'a customer-managed KMS key' };

/** The verdict for one resource and the key it reports (`keyRef`, null: AWS owned). */
export function assessCriticalCustomerKey(
  resource: { readonly name: string; readonly id: string },
  keyRef: string | null,
  ctx: AssessContext<Params, 'aws.kms.key'>,
): Verdict {
  if (ctx.policy.criticalResources.length === 0) return ctx.notAssessed('policy.criticalResources', { critical: null });
  const criticalMatch = criticalGlob(resource, ctx.policy.criticalResources);
  if (criticalMatch === null) return ctx.notApplicable('Not a critical resource under policy.criticalResources', { critical: false });
  const keyManager = keyManagerOf(keyRef, ctx);
  const evidence = { criticalMatch, kmsKeyId: keyRef, keyManager };
  return keyManager === 'CUSTOMER'
    ? ctx.pass(`Encrypted with ${KEY_WORDS.CUSTOMER}`, evidence)
    : ctx.fail(`Critical data encrypted with ${KEY_WORDS[keyManager]}, not a customer-managed one`, evidence);
}

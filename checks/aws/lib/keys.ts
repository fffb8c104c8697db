import type { AssessContext, Params } from '../../../src/core/check.js';

/** Who manages the KMS key protecting a resource: the service's AWS managed key, or the customer. */
export type KeyManager = 'aws' | 'customer';

export interface KeyJudgement {
  readonly manager: KeyManager;
  /** The key as the resource names it; null: the service default (AWS managed). */
  readonly key: string | null;
}

const accountOf = (ref: string): string | null => /^arn:aws[a-z-]*:kms:[^:]*:(\d{12}):/.exec(ref)?.[1] ?? null;

/**
 * The "encrypted with a customer-managed key" rule, for every service that names its key by id,
 * ARN or alias: no key or an `alias/aws/*` one is AWS managed; a key of another account is the
 * customer's (AWS managed keys cannot be shared); any other key is looked up among the account's
 * keys (`uses: ['aws.kms.key']`) and judged by its `KeyManager`. A key of this account that is not
 * in the inventory is a check ERROR: guessing either way would be a verdict without evidence.
 */
export function keyManager(ref: string | null, ctx: AssessContext<Params, 'aws.kms.key'>): KeyJudgement {
  if (ref === null || ref === '' || /(^|:)alias\/aws\//.test(ref)) return { manager: 'aws', key: ref || null };
  const account = accountOf(ref);
  if (account !== null && account !== ctx.scope.account) return { manager: 'customer', key: ref };
  const keys = ctx.related('aws.kms.key', { region: 'any' });
  const alias = /(?:^|:)(alias\/.+)$/.exec(ref)?.[1];
  const key = keys.find((k) => k.data.arn === ref || k.data.keyId === ref || (alias !== undefined && k.data.aliases.includes(alias)));
  if (!key) throw new Error(`KMS key ${ref} is not among the account's keys`);
  return { manager: ctx.known(key.data.metadata).keyManager === 'CUSTOMER' ? 'customer' : 'aws', key: ref };
}

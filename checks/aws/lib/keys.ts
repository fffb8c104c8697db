import type { AssessContext, Params } from '../../../src/core/check.js';
import { keyManagerOf } from './customer-key.js';

/** Who manages the KMS key protecting a resource: the service's AWS managed key, or the customer. */
export type KeyManager = 'aws' | 'customer';

export interface KeyJudgement {
  readonly manager: KeyManager;
  /** The key as the resource names it; null: the service default (AWS managed). */
  readonly key: string | null;
}

/**
 * The "encrypted with a customer-managed key" rule in the shape the services that name their key
 * use (`customer` or `aws`): the one rule, `keyManagerOf` (customer-key.ts), where AWS owned and
 * AWS managed keys are both `aws`.
 */
export function keyManager(ref: string | null, ctx: AssessContext<Params, 'aws.kms.key'>): KeyJudgement {
  return { manager: keyManagerOf(ref, ctx) === 'CUSTOMER' ? 'customer' : 'aws', key: ref || null };
}

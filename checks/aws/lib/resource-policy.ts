import type { AssessContext, Verdict } from '../../../src/core/check.js';
import type { Observed } from '../../../src/core/observed.js';
import type { PolicyDocument } from '../../../providers/aws/model/index.js';
import { publicGrants } from './policy.js';

/** How one service's resource policy is judged: what the messages call it, and its own narrowing condition keys. */
export interface ResourcePolicyKind {
  /** `queue policy`, `key policy`, ...: said in every verdict. */
  readonly noun: string;
  /** Service condition keys (lower case) that narrow callers as aws:SourceAccount does. */
  readonly narrowingKeys?: readonly string[];
  /** Whether "no policy" is possible; a KMS key always has one. */
  readonly optional?: boolean;
}

/** The services whose resource policies the "open to everyone" checks judge. */
export const RESOURCE_POLICIES = {
  sqs: { noun: 'queue policy', optional: true },
  sns: { noun: 'topic policy', optional: true },
  secretsmanager: { noun: 'secret resource policy', optional: true },
  ecr: { noun: 'repository policy', optional: true },
  lambda: { noun: 'function resource policy', optional: true },
  kms: { noun: 'key policy', narrowingKeys: ['kms:calleraccount'] },
  backup: { noun: 'vault access policy', optional: true },
  opensearch: { noun: 'domain access policy', optional: true },
} as const satisfies Record<string, ResourcePolicyKind>;

/**
 * The verdict of a "resource policy not open to everyone" check: FAIL naming each statement that
 * allows `*` without a narrowing condition, PASS otherwise (or when there is no policy), ERROR when
 * the policy could not be read.
 */
export function assessResourcePolicy(policy: Observed<PolicyDocument | null>, kind: ResourcePolicyKind, ctx: AssessContext): Verdict {
  const doc = ctx.known(policy);
  if (doc === null) return ctx.pass(`No ${kind.noun}: only the owning account's identities have access`, { hasPolicy: false });
  const grants = publicGrants(doc, kind.narrowingKeys);
  if (grants.length === 0) return ctx.pass(`The ${kind.noun} allows no one outside named principals or narrowing conditions`, { hasPolicy: true, publicStatements: [] });
  const actions = [...new Set(grants.flatMap((g) => g.actions))];
  return ctx.fail(`The ${kind.noun} allows everyone: ${actions.join(', ')}`, { hasPolicy: true, publicStatements: grants });
}

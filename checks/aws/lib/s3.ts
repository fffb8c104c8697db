import type { AssessContext, Params } from '../../../src/core/check.js';
import type { AclGrant, PublicAccessBlock } from '../../../providers/aws/model/index.js';

const FLAGS = ['blockPublicAcls', 'ignorePublicAcls', 'blockPublicPolicy', 'restrictPublicBuckets'] as const;

export const PUBLIC_GRANTEE_URIS = [
  'http://acs.amazonaws.com/groups/global/AllUsers',
  'http://acs.amazonaws.com/groups/global/AuthenticatedUsers',
] as const;

/** The account-level block of the bucket's account (null: none set). Reading it makes an unknown account block an ERROR. */
export function accountPublicAccessBlock(ctx: AssessContext<Params, 'aws.s3.account-public-access-block'>): PublicAccessBlock | null {
  return ctx.related('aws.s3.account-public-access-block', { region: 'any' })[0]?.data.publicAccessBlock ?? null;
}

/** S3 applies the stricter of the bucket and account settings, flag by flag. */
export function effectiveBlock(bucket: PublicAccessBlock | null, account: PublicAccessBlock | null): PublicAccessBlock {
  const on = (flag: (typeof FLAGS)[number]) => (bucket?.[flag] ?? false) || (account?.[flag] ?? false);
  return { blockPublicAcls: on('blockPublicAcls'), ignorePublicAcls: on('ignorePublicAcls'), blockPublicPolicy: on('blockPublicPolicy'), restrictPublicBuckets: on('restrictPublicBuckets') };
}

export const allBlocked = (b: PublicAccessBlock | null): boolean => b !== null && FLAGS.every((f) => b[f]);
export const unblockedFlags = (b: PublicAccessBlock | null): string[] => FLAGS.filter((f) => !(b?.[f] ?? false));

export const publicGrants = (grants: readonly AclGrant[]): AclGrant[] =>
  grants.filter((g) => g.granteeUri !== null && (PUBLIC_GRANTEE_URIS as readonly string[]).includes(g.granteeUri));

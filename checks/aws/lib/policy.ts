import type { AttachedPolicy, IamGroup, IamPolicy, IamUser, InlinePolicy, PolicyDocument, PolicyPrincipal, PolicyStatement } from '../../../providers/aws/model/index.js';

export const ADMINISTRATOR_ACCESS_ARN = 'arn:aws:iam::aws:policy/AdministratorAccess';

const isWildcardAction = (a: string): boolean => a === '*' || a === '*:*';

/** An Allow statement granting every action on every resource (CIS "full `*:*` administrative privileges"). */
export const grantsFullAdmin = (s: PolicyStatement): boolean =>
  s.effect === 'Allow' && s.action.some(isWildcardAction) && s.resource.includes('*');

export const documentGrantsFullAdmin = (doc: PolicyDocument): boolean => doc.statement.some(grantsFullAdmin);

export interface AdminGrant {
  readonly policy: string;
  readonly kind: 'managed' | 'inline';
}

/**
 * The policies (attached managed ones, looked up in the account's managed policies, and inline
 * ones) that give a principal full administrative access. An attached policy missing from the
 * inventory throws: GAAD returns every attached policy, so a gap means the inventory is wrong,
 * and guessing either way would be a verdict without evidence.
 */
export function adminGrants(
  principal: { readonly attachedManagedPolicies: readonly AttachedPolicy[]; readonly inline: readonly InlinePolicy[] },
  managed: readonly { readonly data: IamPolicy }[],
): AdminGrant[] {
  const byArn = new Map(managed.map((p) => [p.data.arn, p.data]));
  const grants: AdminGrant[] = [];
  for (const a of principal.attachedManagedPolicies) {
    const policy = byArn.get(a.policyArn);
    if (a.policyArn === ADMINISTRATOR_ACCESS_ARN || (policy && documentGrantsFullAdmin(policy.document))) {
      grants.push({ policy: a.policyArn, kind: 'managed' });
    } else if (!policy) {
      throw new Error(`attached policy ${a.policyArn} is not in the inventory of managed policies`);
    }
  }
  for (const p of principal.inline) if (documentGrantsFullAdmin(p.policyDocument)) grants.push({ policy: p.policyName, kind: 'inline' });
  return grants;
}

/** How a user holds a full-admin policy: attached to the user itself or to one of its groups. */
export type AdminPath = AdminGrant & ({ readonly via: 'user' } | { readonly via: 'group'; readonly group: string });

/**
 * Every path by which a user is a full administrator: its own policies, then each group's. A group
 * of the user missing from the inventory throws, as a missing managed policy does: the group we
 * cannot see may be the one that makes the user an administrator.
 */
export function userAdminPaths(
  user: IamUser,
  groups: readonly { readonly data: IamGroup }[],
  managed: readonly { readonly data: IamPolicy }[],
): AdminPath[] {
  const own = adminGrants({ attachedManagedPolicies: user.attachedManagedPolicies, inline: user.userPolicyList }, managed);
  const viaGroups = user.groupList.flatMap((name) => {
    const group = groups.find((g) => g.data.groupName === name)?.data;
    if (!group) throw new Error(`group ${name} of the user is not in the inventory of groups`);
    return adminGrants({ attachedManagedPolicies: group.attachedManagedPolicies, inline: group.groupPolicyList }, managed)
      .map((g): AdminPath => ({ via: 'group', group: name, ...g }));
  });
  return [...own.map((g): AdminPath => ({ via: 'user', ...g })), ...viaGroups];
}

/** The account id a principal string names: `123456789012`, `arn:aws:iam::123456789012:...`; null for `*`, services and malformed values. */
export function principalAccount(principal: string): string | null {
  if (/^\d{12}$/.test(principal)) return principal;
  const m = /^arn:aws[a-z-]*:(?:iam|sts)::(\d{12}):/.exec(principal);
  return m?.[1] ?? null;
}

/** Condition keys that pin a trust to a known caller (an external id, an organisation, an account, a source). */
const RESTRICTING_KEYS = [
  'sts:externalid', 'aws:principalorgid', 'aws:principalorgpaths', 'aws:principalaccount', 'aws:principalarn',
  'aws:sourceaccount', 'aws:sourcearn', 'aws:sourceorgid', 'aws:sourceorgpaths', 'aws:userid',
];

const conditionKeys = (s: PolicyStatement): string[] => Object.values(s.condition).flatMap((keys) => Object.keys(keys).map((k) => k.toLowerCase()));

/** Restricted for AWS principals: one of RESTRICTING_KEYS; for web identity: the token's subject (`<provider>:sub`). */
const restrictsCaller = (s: PolicyStatement): boolean => conditionKeys(s).some((k) => RESTRICTING_KEYS.includes(k));
const restrictsSubject = (s: PolicyStatement): boolean =>
  conditionKeys(s).some((k) => k.endsWith(':sub') || k === 'cognito-identity.amazonaws.com:aud');

const assumesRole = (s: PolicyStatement): boolean =>
  s.effect === 'Allow' && s.action.some((a) => a === '*' || a === 'sts:*' || a.toLowerCase().startsWith('sts:assumerole'));

export interface TrustIssue {
  readonly principal: string;
  readonly reason: 'wildcard' | 'cross-account' | 'federated-unrestricted';
}

/**
 * Trust statements that let anyone, another account, or any holder of a federated token assume
 * the role without a condition narrowing who. Accounts in `trustedAccounts` (and the role's own)
 * are fine without a condition.
 */
export function trustIssues(doc: PolicyDocument, ownAccount: string, trustedAccounts: readonly string[]): TrustIssue[] {
  const issues: TrustIssue[] = [];
  for (const s of doc.statement) {
    if (!assumesRole(s)) continue;
    const p: PolicyPrincipal | null = s.principal;
    if (!p) continue;
    if (!restrictsCaller(s)) {
      for (const aws of p.aws) {
        if (aws === '*') issues.push({ principal: aws, reason: 'wildcard' });
        else {
          const account = principalAccount(aws);
          if (account !== null && account !== ownAccount && !trustedAccounts.includes(account)) {
            issues.push({ principal: aws, reason: 'cross-account' });
          }
        }
      }
    }
    if (!restrictsSubject(s) && !restrictsCaller(s)) {
      // SAML providers belong to the customer's own identity provider; an OIDC issuer without a
      // subject condition admits every token it issues (any GitHub repository, any Google user).
      for (const f of p.federated) if (!f.includes(':saml-provider/')) issues.push({ principal: f, reason: 'federated-unrestricted' });
    }
  }
  return issues;
}

/**
 * Condition keys that narrow a resource policy's `"*"` to known callers: an account, an
 * organisation, a VPC or endpoint, a source ARN, a network. (RESTRICTING_KEYS plus the network and
 * service-specific ones a resource policy uses; trust policies keep their own, shorter list.)
 */
export const NARROWING_KEYS: readonly string[] = [
  ...RESTRICTING_KEYS,
  'aws:sourcevpc', 'aws:sourcevpce', 'aws:sourcevpcarn', 'aws:sourceip', 'aws:sourceowner', 'aws:resourceorgid', 'aws:resourceaccount',
  'lambda:eventsourcetoken',
];

/** Values that narrow nothing: a wildcard, or an IP range holding every address. */
const OPEN_VALUES = new Set(['*', '0.0.0.0/0', '::/0']);

/**
 * Whether one condition narrows who may call. A negated operator (`StringNotEquals`) excludes
 * callers rather than naming them, an `IfExists` one lets through every caller whose request lacks
 * the key, and a wildcard value names everyone: none of them narrows.
 */
const narrowsCaller = (s: PolicyStatement, extraKeys: readonly string[]): boolean =>
  Object.entries(s.condition).some(([operator, keys]) => {
    const op = operator.toLowerCase();
    if (op.includes('not') || op.endsWith('ifexists') || op === 'null') return false;
    return Object.entries(keys).some(([key, values]) => {
      const k = key.toLowerCase();
      return (NARROWING_KEYS.includes(k) || extraKeys.includes(k)) && values.length > 0 && values.every((v) => !OPEN_VALUES.has(v));
    });
  });

/** `*`, or an ARN with `*` where the account goes (`arn:aws:iam::*:root`). */
const isEveryone = (principal: string): boolean => principal === '*' || /^arn:aws[a-z-]*:(?:iam|sts)::\*:/.test(principal);

/** An Allow statement of a resource policy that lets anyone call, with what it allows. */
export interface PublicGrant {
  readonly sid: string | null;
  /** The principal as written (`*`), or `NotPrincipal` for "everyone but". */
  readonly principal: string;
  /** `Action`, or `NotAction` prefixed with `not:`. */
  readonly actions: readonly string[];
}

/**
 * The statements of a resource policy (bucket, queue, topic, secret, repository, function, key,
 * vault, domain) that allow anyone, any account, without a condition narrowing the callers to an
 * account, organisation, VPC or source. `narrowingKeys` adds a service's own keys (lower case).
 * Deny statements are not subtracted: a Deny carving out a few actions leaves the rest public.
 */
export function publicGrants(doc: PolicyDocument, narrowingKeys: readonly string[] = []): PublicGrant[] {
  const grants: PublicGrant[] = [];
  for (const s of doc.statement) {
    if (s.effect !== 'Allow' || narrowsCaller(s, narrowingKeys)) continue;
    const everyone = s.principal ? [...s.principal.aws, ...s.principal.canonicalUser].find(isEveryone) : undefined;
    const principal = everyone ?? (s.notPrincipal ? 'NotPrincipal' : undefined);
    if (principal === undefined) continue;
    grants.push({ sid: s.sid, principal, actions: s.action.length > 0 ? s.action : s.notAction.map((a) => `not:${a}`) });
  }
  return grants;
}

/**
 * A Deny on every principal for all of `service`'s actions (or `*`) when aws:SecureTransport is
 * false: what makes a resource refuse plain HTTP (S3 buckets, SQS queues, SNS topics).
 */
export const deniesPlainHttp = (s: PolicyStatement, service: string): boolean =>
  s.effect === 'Deny' &&
  (s.principal?.aws.includes('*') ?? false) &&
  s.action.some((a) => a === '*' || a.toLowerCase() === `${service}:*`) &&
  Object.entries(s.condition).some(([operator, keys]) =>
    (operator === 'Bool' || operator === 'BoolIfExists') &&
    Object.entries(keys).some(([key, values]) => key.toLowerCase() === 'aws:securetransport' && values.includes('false')));

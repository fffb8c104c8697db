import { getContinuationToken as authorizationToken, type DenyAssignment } from '@azure/arm-authorization';
import { getContinuationToken as resourcesToken } from '@azure/arm-resources';
import { createPipelineRequest, RestError } from '@azure/core-rest-pipeline';
import pLimit from 'p-limit';
import { collectionError, seen, unseen, type CollectionError, type Observed } from '../../../src/core/observed.js';
import { callAzure, listAll, type CallerOptions } from './calls.js';
import type { AzureClients } from './clients.js';
import { classifyAzureError } from './errors.js';
import type { Kind } from './kinds.js';
import { denied, placeOf, resourceTypeOf, ungranted, type Deny, type Grant } from './rbac.js';

/**
 * What the identity may read in one subscription, established before a bulk answer counts as
 * complete there. Resource Graph and the ARM listings across a subscription answer with the rows
 * the identity may read and leave the rest out without a word, so "no row" proves nothing until
 * this says every row could have been read.
 *
 * Azure gives no single answer to "what can I read here", so it is put together from:
 *  - the caller's effective role permissions at the subscription
 *    (`GET /subscriptions/{id}/providers/Microsoft.Authorization/permissions`): the roles assigned
 *    there and above it (management groups), which every resource group inherits;
 *  - only when those leave a needed read out: the same at each resource group (roles assigned on a
 *    group add to what it inherits), so a read granted group by group is found where it is granted;
 *  - the deny assignments at, above and below the subscription (one list): the permissions API
 *    reports role assignments only, so a deny is read on its own, and its scope says where it hides
 *    rows. Querying resource groups adds nothing for them.
 *
 * What this cannot see, and so takes as a blind spot rather than ignore: whether the identity
 * belongs to a group a deny assignment names or excludes (that needs Microsoft Graph group
 * membership), and a deny assignment's condition. A read granted on single resources only (not on
 * their group) is not looked for: those resources are read, and their group is still reported.
 */
export interface Access {
  readonly subscription: string;
  /** Role permissions effective at the subscription. */
  readonly grants: readonly Grant[];
  /** Deny assignments that apply, or may apply, to the identity. */
  readonly denies: readonly Deny[];
  /**
   * Each resource group's effective permissions, when the subscription's leave a needed read out;
   * null when they do and the groups cannot all be listed (their read is not granted either).
   */
  readonly groups: ReadonlyMap<string, readonly Grant[]> | null;
}

/** A (resource type × part of the subscription) whose rows the bulk answer may leave out. */
export interface BlindSpot {
  /** `resourceGroups/rg` or a resource path inside the subscription; absent for all of it. */
  readonly part?: string;
  readonly error: CollectionError;
}

export interface AccessContext {
  readonly opts: CallerOptions;
  readonly clients: AzureClients;
  readonly subscription: string;
  /** The identity's object id (from its token), when it can be told. */
  readonly whoAmI: () => Promise<string | undefined>;
}

const PERMISSIONS_READ = 'Microsoft.Authorization/permissions/read';
const DENY_READ = 'Microsoft.Authorization/denyAssignments/read';
const GROUPS_READ = 'Microsoft.Resources/subscriptions/resourceGroups/read';
const API_VERSION = '2022-04-01';
/** The principal id deny assignments use for "everyone". */
const EVERYONE = '00000000-0000-0000-0000-000000000000';

/** The reads a kind's rows need on the path it is collected through. */
export const readsOf = (kind: Kind, viaGraph: boolean): readonly string[] => [...kind.reads, ...(viaGraph ? [] : kind.armReads ?? [])];

/**
 * One subscription's access, in two calls (permissions, deny assignments: one page each as a rule)
 * and, only when the subscription's roles leave one of `needed` out, one listing of its resource
 * groups and one permissions call per group.
 */
export async function readAccess(ctx: AccessContext, needed: readonly string[]): Promise<Observed<Access>> {
  try {
    const [grants, denies] = await Promise.all([subscriptionPermissions(ctx), denyAssignments(ctx)]);
    const short = needed.some((n) => ungranted(grants, n).length > 0);
    if (!short) return seen({ subscription: ctx.subscription, grants, denies, groups: new Map() });
    const groupsHidden = ungranted(grants, GROUPS_READ).length > 0 || denies.some((d) => placeOf(d.scope, ctx.subscription).at === 'above' && !d.doNotApplyToChildScopes && denied(d, GROUPS_READ));
    return seen({ subscription: ctx.subscription, grants, denies, groups: groupsHidden ? null : await groupPermissions(ctx) });
  } catch (e) {
    return unseen(e instanceof Unread ? e.error : classifyAzureError(e, PERMISSIONS_READ, { account: ctx.subscription }));
  }
}

/** A read of the access that failed, classified under the operation that failed. */
class Unread extends Error {
  constructor(readonly error: CollectionError) {
    super(error.message);
  }
}

async function step<T>(ctx: AccessContext, operation: string, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (e) {
    throw new Unread(classifyAzureError(e, operation, { account: ctx.subscription }));
  }
}

/**
 * Where rows of `kind` may be missing, each with the ERROR that names the read to grant (or the
 * deny assignment to lift). Empty when every row the kind needs could have been read.
 */
export function blindSpots(access: Access, kind: Kind, viaGraph: boolean): BlindSpot[] {
  const gaps: Gap[] = [];
  for (const needed of readsOf(kind, viaGraph)) {
    for (const action of ungranted(access.grants, needed)) gaps.push(...roleGaps(access, action));
    for (const d of access.denies) {
      const action = denied(d, needed);
      if (!action) continue;
      const place = placeOf(d.scope, access.subscription);
      const why = `deny assignment '${d.name}' at ${d.scope} denies ${action} (${d.appliesBecause})`;
      if (place.at === 'above' && !d.doNotApplyToChildScopes) gaps.push({ action, why });
      if (place.at === 'below' && hides(kind, place.part, d.doNotApplyToChildScopes)) gaps.push({ part: place.part, action, why });
    }
  }
  // A listing of every type misses only the types the missing read covers: the rows of every other
  // type are whole, so the ERROR stands for those types alone (where no resource narrows it already).
  const typed = kind.armType === '*'
    ? gaps.map((g): Gap => {
      const type = g.part === undefined || resourceTypeOf(g.part) === undefined ? typeRead(g.action) : undefined;
      return type ? { ...g, type } : g;
    })
    : gaps;
  const source = viaGraph ? 'Resource Graph' : 'The ARM listing';
  const spot = (where: Gap, found: readonly Gap[]): BlindSpot => {
    const actions = [...new Set(found.map((g) => g.action))];
    const whys = [...new Set(found.map((g) => g.why))];
    const part = [where.part, where.type && `resourceTypes/${where.type}`].filter(Boolean).join('/');
    const message = `${source} leaves out what the identity may not read, so ${kind.type} resources ${where.type ? `of type ${where.type} ` : ''}${where.part ? `in ${where.part} ` : ''}may be missing without a word: ${whys.join('; ')}`;
    return { ...(part ? { part } : {}), error: collectionError('ACCESS_DENIED', actions.join(', '), message, { provider: 'azure', account: access.subscription }) };
  };
  // A blind spot holds every smaller one (the whole subscription all of them, a group what is in it,
  // every type what is of one): one ERROR each for the largest, naming everything it holds.
  const largest = typed.filter((g, i) => !typed.some((h, j) => holds(h, g) && (!holds(g, h) || j < i)));
  return largest.map((g) => spot(g, typed.filter((h) => holds(g, h))));
}

/** The ERROR for a subscription whose access could not be read: nothing listed in bulk there can be called complete. */
export function accessUnknown(error: CollectionError, kind: Kind): BlindSpot {
  const message = `cannot tell what the identity may read here, so ${kind.type} resources it may not read could be missing without a word: ${error.message}`;
  return { error: { ...error, message } };
}

interface Gap {
  readonly part?: string;
  /** The resource types the missing read covers, for a listing of every type (`Microsoft.Storage/storageAccounts`, `Microsoft.Sql/*`). */
  readonly type?: string;
  readonly action: string;
  readonly why: string;
}

const same = (a: string | undefined, b: string | undefined) => a?.toLowerCase() === b?.toLowerCase();

/** Whether blind spot `a` covers every row `b` may miss: it spans at least b's part and b's types. */
function holds(a: Gap, b: Gap): boolean {
  const part = a.part === undefined || same(a.part, b.part) || (b.part ?? '').toLowerCase().startsWith(`${a.part.toLowerCase()}/`);
  return part && (a.type === undefined || same(a.type, b.type));
}

/**
 * The resource types a read action covers, when it is narrower than every type: one type
 * (`Microsoft.Storage/storageAccounts/read`) or one namespace (`Microsoft.Storage/*\/read`).
 * Anything wider or less plain (`*\/read`, `Microsoft.Compute/virtualMachines/*\/read`) is taken as every type.
 */
function typeRead(action: string): string | undefined {
  const type = /^(.+)\/read$/i.exec(action)?.[1];
  if (type === undefined) return undefined;
  return /^[^*/]+(\/[^*/]+)+$/.test(type) || /^[^*/]+\/\*$/.test(type) ? type : undefined;
}

/** Where no role grants `action`: the whole subscription, or the resource groups that lack it. */
function roleGaps(access: Access, action: string): Gap[] {
  const { groups, subscription } = access;
  if (groups === null) {
    return [{ action, why: `no role of the identity grants ${action} on subscription ${subscription}, and its resource groups cannot all be listed to look further (${GROUPS_READ} is not granted there either): grant ${action} on the subscription` }];
  }
  const lacking = [...groups].filter(([, grants]) => ungranted(grants, action).length > 0).map(([name]) => name);
  if (lacking.length === 0) return [];
  if (lacking.length === groups.size) return [{ action, why: `no role of the identity grants ${action} on subscription ${subscription} or in any of its ${groups.size} resource groups: grant it on the subscription` }];
  return lacking.map((name) => ({ part: `resourceGroups/${name}`, action, why: `no role of the identity grants ${action} in resource group ${name}: grant it there or on the subscription` }));
}

/** Whether a deny assignment at `part` (a resource group or a resource) can hide rows of `kind`. */
function hides(kind: Kind, part: string, ownScopeOnly: boolean): boolean {
  const type = resourceTypeOf(part)?.toLowerCase();
  const own = kind.armType.toLowerCase();
  // On a resource group: everything in it, or (not applying to children) the group alone.
  if (type === undefined) return ownScopeOnly ? own === 'microsoft.resources/resourcegroups' : true;
  if (own === '*' || own === type) return true;
  return !ownScopeOnly && own.startsWith(`${type}/`);
}

// ---- reading it -----------------------------------------------------------------------------

const parsed = (text: string | null | undefined): Record<string, unknown> | undefined => {
  try {
    return text ? (JSON.parse(text) as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
};

const toGrant = (p: { actions?: string[]; notActions?: string[] }): Grant => ({ actions: p.actions ?? [], notActions: p.notActions ?? [] });

/**
 * The subscription-scope permissions: the same API as `permissions.listForResourceGroup`, which
 * arm-authorization 9 exposes for resource groups only, sent through the same client's pipeline
 * (credential, endpoint, TLS, read-budget policy), page by page.
 */
async function subscriptionPermissions(ctx: AccessContext): Promise<Grant[]> {
  const client = ctx.clients.authorization(ctx.subscription);
  const op = { service: 'arm', operation: PERMISSIONS_READ, account: ctx.subscription };
  const page = (url: string) => callAzure(ctx.opts, op, async (signal) => {
    const response = await client.sendRequest(createPipelineRequest({ url, method: 'GET', abortSignal: signal }));
    if (response.status !== 200) {
      const error = parsed(response.bodyAsText)?.error as { code?: string; message?: string } | undefined;
      throw new RestError(error?.message ?? `HTTP ${response.status}`, { statusCode: response.status, response, ...(error?.code ? { code: error.code } : {}) });
    }
    const body = parsed(response.bodyAsText) ?? {};
    if (!Array.isArray(body['value'])) throw new SyntaxError('the permissions answer has no value array');
    return { value: body['value'] as { actions?: string[]; notActions?: string[] }[], nextLink: typeof body['nextLink'] === 'string' ? body['nextLink'] : undefined };
  });
  return step(ctx, PERMISSIONS_READ, async () => {
    const out: Grant[] = [];
    let url: string | undefined = `${ctx.clients.settings.cloud.resourceManager}/subscriptions/${ctx.subscription}/providers/Microsoft.Authorization/permissions?api-version=${API_VERSION}`;
    while (url) {
      const answer = await page(url);
      out.push(...answer.value.map(toGrant));
      url = answer.nextLink;
    }
    return out;
  });
}

async function groupPermissions(ctx: AccessContext): Promise<Map<string, Grant[]>> {
  const groups = await step(ctx, GROUPS_READ, () => listAll(ctx.opts, { service: 'arm', operation: GROUPS_READ, account: ctx.subscription }, (t, signal) =>
    ctx.clients.resources(ctx.subscription).resourceGroups.list({ abortSignal: signal }).byPage(t ? { continuationToken: t } : undefined),
    resourcesToken,
  ));
  const limit = pLimit(8);
  const entries = await Promise.all(groups.map((g) => limit(async () => {
    const name = g.name ?? '';
    const permissions = await step(ctx, PERMISSIONS_READ, () => listAll(ctx.opts, { service: 'arm', operation: PERMISSIONS_READ, account: ctx.subscription }, (t, signal) =>
      ctx.clients.authorization(ctx.subscription).permissions.listForResourceGroup(name, { abortSignal: signal }).byPage(t ? { continuationToken: t } : undefined),
      authorizationToken,
    ));
    return [name, permissions.map(toGrant)] as const;
  })));
  return new Map(entries);
}

async function denyAssignments(ctx: AccessContext): Promise<Deny[]> {
  // Without a filter the list holds the deny assignments at, above and below the subscription.
  const all = await step(ctx, DENY_READ, () => listAll(ctx.opts, { service: 'arm', operation: DENY_READ, account: ctx.subscription }, (t, signal) =>
    ctx.clients.authorization(ctx.subscription).denyAssignments.list({ abortSignal: signal }).byPage(t ? { continuationToken: t } : undefined),
    authorizationToken,
  ));
  if (all.length === 0) return [];
  const me = (await ctx.whoAmI())?.toLowerCase();
  return all.flatMap((d) => {
    const because = appliesBecause(d, me);
    if (because === null) return [];
    return (d.permissions ?? []).map((p) => ({
      name: d.denyAssignmentName ?? d.name ?? '',
      scope: d.scope ?? '',
      doNotApplyToChildScopes: d.doNotApplyToChildScopes ?? false,
      appliesBecause: because,
      ...toGrant(p),
    }));
  });
}

/** Why a deny assignment is taken as applying to the identity, or null when it plainly does not. */
export function appliesBecause(d: Pick<DenyAssignment, 'principals' | 'excludePrincipals' | 'condition'>, me: string | undefined): string | null {
  const ids = (list: DenyAssignment['principals']) => (list ?? []).map((p) => (p.id ?? '').toLowerCase());
  if (me && ids(d.excludePrincipals).includes(me)) return null;
  const unevaluated = d.condition ? `; its condition is not evaluated: ${d.condition}` : '';
  const principals = d.principals ?? [];
  if (me && ids(principals).includes(me)) return `it names this identity${unevaluated}`;
  const excludedGroups = (d.excludePrincipals ?? []).some((p) => /group/i.test(p.type ?? ''));
  const unknownMe = me === undefined && (d.excludePrincipals ?? []).length > 0;
  if (ids(principals).includes(EVERYONE)) {
    const unsure = excludedGroups ? ', and dutyscan does not read group membership to tell whether the identity is in a group it excludes' : unknownMe ? ', and the identity\'s object id is unknown, so its exclusions cannot be checked' : '';
    return `it applies to everyone${unsure}${unevaluated}`;
  }
  const groups = principals.filter((p) => /group/i.test(p.type ?? ''));
  if (groups.length > 0) return `it names groups (${groups.map((g) => g.displayName ?? g.id).join(', ')}) and dutyscan does not read group membership to rule the identity out${unevaluated}`;
  if (me === undefined) return `it names other principals, and the identity's object id is unknown, so it cannot be ruled out${unevaluated}`;
  return null;
}

/** The identity's object id from an ARM access token (a JWT's `oid`), or undefined when the token is not a JWT. */
export function objectIdOf(token: string): string | undefined {
  const payload = token.split('.')[1];
  if (!payload) return undefined;
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { oid?: unknown };
    return typeof claims.oid === 'string' ? claims.oid : undefined;
  } catch {
    return undefined;
  }
}

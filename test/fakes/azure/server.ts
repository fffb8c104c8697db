import type { AccessToken, TokenCredential } from '@azure/core-auth';
import { jsonReply, Routes, selfSignedCertificate, WireFake, type JsonAnswer, type Reply, type WireFormat, type WireRequest } from '../harness.js';
import { conditionalAccessAnswer, defaultSetting, securityDefaultsAnswer, SERVICE_LISTINGS, type FakeTenantPolicy } from './services.js';

/**
 * A loopback HTTPS fake of one Azure tenant: ARM (generic listings by resource type, child
 * listings, gets), Resource Graph (the KQL shapes the collector sends, with `$skipToken` paging)
 * and the Microsoft Graph MFA registration report. The bearer-token policy refuses plain HTTP, so
 * the fake serves TLS with a throw-away self-signed certificate made by `openssl`; clients trust
 * it through the adapter's `ca` seam. Any request without a route is recorded and fails `close()`.
 *
 * Azure RBAC as the identity meets it: each subscription says what the identity may read
 * (`access`: role permissions at the subscription and on resource groups, deny assignments), the
 * fake answers the caller's permissions and the deny assignments, and it enforces them as Azure
 * does: bulk answers (Resource Graph, ARM listings across a subscription) silently leave out the
 * rows the identity may not read; a call on one resource (a get, a listing under it) answers 403.
 */

export interface FakeResource {
  readonly id: string;
  readonly name: string;
  readonly type: string;
  readonly location?: string;
  readonly tags?: Record<string, string>;
  readonly kind?: string;
  readonly managedBy?: string;
  readonly identity?: Record<string, unknown>;
  readonly properties?: Record<string, unknown>;
}

/** One role's permissions, as `Microsoft.Authorization/permissions` reports them. */
export interface FakePermission {
  readonly actions: readonly string[];
  readonly notActions?: readonly string[];
}

/** A deny assignment; it applies to every caller (its principal is Everyone). */
export interface FakeDenyAssignment {
  readonly name: string;
  /** `/subscriptions/s`, `/subscriptions/s/resourceGroups/rg` or a resource id. */
  readonly scope: string;
  readonly actions: readonly string[];
  readonly notActions?: readonly string[];
  readonly doNotApplyToChildScopes?: boolean;
}

export interface FakeAccess {
  /** The permissions effective at the subscription (its role assignments and those above it). */
  readonly subscription: readonly FakePermission[];
  /** More roles assigned on resource groups (by name), on top of the subscription's there. */
  readonly resourceGroups?: Readonly<Record<string, readonly FakePermission[]>>;
  readonly denyAssignments?: readonly FakeDenyAssignment[];
}

/** The built-in Reader role: the access a subscription gives when it says nothing else. */
export const READER: FakePermission = { actions: ['*/read'] };

export interface FakeSubscription {
  readonly id: string;
  readonly name: string;
  readonly state?: string;
  /** Every ARM call on it answers 403, and Resource Graph leaves its rows out (as the real one does). */
  readonly denied?: boolean;
  /** What the identity may read; Reader on the subscription when absent. */
  readonly access?: FakeAccess;
  readonly resourceGroups: readonly { name: string; location: string; tags?: Record<string, string> }[];
  /** Resources Resource Graph's `resources` table and ARM's generic listing show. */
  readonly resources: readonly FakeResource[];
  /** Settings and sub-resources ARM serves by path but the generic listings do not show. */
  readonly children: readonly FakeResource[];
  /** Protected items per Recovery Services vault id. */
  readonly protectedItems?: readonly FakeResource[];
}

export interface FakeUser {
  readonly userPrincipalName: string;
  readonly isAdmin: boolean;
  readonly isMfaRegistered: boolean;
  readonly userType?: string;
}

export interface FakeTenant {
  readonly tenantId: string;
  readonly subscriptions: readonly FakeSubscription[];
  readonly users: readonly FakeUser[];
  readonly managementGroups?: Record<string, readonly string[]>;
  readonly policy?: FakeTenantPolicy;
  /**
   * Azure Policy assignments on any scope: a management group (applying to the subscriptions
   * `managementGroups` lists under it), a subscription, a resource group or a resource.
   */
  readonly policyAssignments?: readonly FakeResource[];
}

export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly body: unknown;
  readonly at: number;
  readonly status: number;
}

/** An answer in Azure's JSON (status 200 when absent); `breaks` breaks it on the wire. */
export type FakeResponse = JsonAnswer;

/** What a fault sees of a request. */
export interface AzureRequest {
  readonly method: string;
  readonly path: string;
  readonly body: unknown;
}

/** A fault injected before routing: answer with `response` for the first `times` matching requests. */
export interface Fault {
  readonly match: (req: AzureRequest) => boolean;
  readonly times: number;
  readonly response: FakeResponse;
}

export interface FakeOptions {
  readonly latencyMs?: number;
  /** Items per ARM page and per Graph page (nextLink paging). */
  readonly armPageSize?: number;
  readonly graphPageSize?: number;
  /** Rows per Resource Graph page at most (the service caps `$top` at 1000). */
  readonly resourceGraphPageSize?: number;
  readonly graphDenied?: boolean;
  /** The tenant's MFA policies answer 403 (no Policy.Read.All). */
  readonly policyDenied?: boolean;
  readonly resourceGraphDisabled?: boolean;
  /** The first Resource Graph answer says the user quota is used up for one second. */
  readonly resourceGraphQuotaExhaustedOnce?: boolean;
  /** The user quota as this many queries in all, each answer saying how many are left (resetting after a second, which never comes during a test). */
  readonly resourceGraphQuota?: number;
  /** `x-ms-ratelimit-remaining-subscription-reads` on ARM answers. */
  readonly armReadsRemaining?: number;
  readonly faults?: Fault[];
  /** Record only counts, not every request (the benchmark's thousands of calls). */
  readonly recordBodies?: boolean;
}

/** A TokenCredential that never leaves the process; records the scopes it was asked for. */
export class StubCredential implements TokenCredential {
  readonly scopes: string[] = [];
  async getToken(scopes: string | string[]): Promise<AccessToken> {
    this.scopes.push(...(Array.isArray(scopes) ? scopes : [scopes]));
    return { token: 'fake-token', expiresOnTimestamp: Date.now() + 3_600_000 };
  }
}

const lower = (s: string): string => s.toLowerCase();
const armError = (status: number, code: string, message: string, headers?: Record<string, string>): FakeResponse =>
  ({ status, body: { error: { code, message } }, ...(headers ? { headers } : {}) });
const json = (answer: FakeResponse): Reply => jsonReply(answer, 'application/json', '');

type Route = (url: URL, body: unknown) => FakeResponse | undefined;

export class AzureFake extends WireFake<AzureRequest, RecordedRequest> {
  counts = { arm: 0, resourceGraph: 0, graph: 0 };
  readonly ca: string;
  private readonly subs: Map<string, FakeSubscription>;
  protected readonly format: WireFormat<AzureRequest> = {
    error: (_req, status, code, message, headers) => json(armError(status, code, message, headers)),
    throttle: (_req, headers) => json(armError(429, 'TooManyRequests', 'Rate limit exceeded.', headers)),
  };
  private readonly routes = new Routes<Route>()
    .add('POST', /^\/providers\/microsoft\.resourcegraph\/resources$/i, (_url, body) => {
      this.counts.resourceGraph++;
      return this.resourceGraph(body as ResourceGraphRequest);
    })
    .add('GET', '/v1.0/reports/authenticationMethods/userRegistrationDetails', (url) => {
      this.counts.graph++;
      return this.registrationReport(url);
    })
    .add('GET', '/v1.0/policies/identitySecurityDefaultsEnforcementPolicy', () => {
      this.counts.graph++;
      return this.options.graphDenied || this.options.policyDenied ? GRAPH_DENIED : securityDefaultsAnswer(this.tenant.policy);
    })
    .add('GET', '/v1.0/identity/conditionalAccess/policies', (url) => {
      this.counts.graph++;
      return this.options.graphDenied || this.options.policyDenied ? GRAPH_DENIED : conditionalAccessAnswer(this.tenant.policy, url, this.options.graphPageSize ?? 100, this.url);
    })
    .add('GET', /^\//, (url) => {
      this.counts.arm++;
      const answer = this.arm(url.pathname.replace(/\/+$/, ''), url);
      return answer && { ...answer, headers: { 'x-ms-ratelimit-remaining-subscription-reads': String(this.options.armReadsRemaining ?? 11999), ...answer.headers } };
    });

  constructor(readonly tenant: FakeTenant, private readonly options: FakeOptions = {}) {
    const tls = selfSignedCertificate();
    super({ name: 'Azure', tls });
    this.ca = tls.cert;
    this.subs = new Map(tenant.subscriptions.map((s) => [lower(s.id), s]));
    this.latencyMs = options.latencyMs ?? 0;
    this.recordRequests = options.recordBodies !== false;
    for (const f of options.faults ?? []) this.fault({ match: f.match, times: f.times, answer: () => json(f.response) });
  }

  protected async answer(req: WireRequest): Promise<Reply> {
    const { method, url } = req;
    let body: unknown;
    try { body = req.text ? JSON.parse(req.text) : undefined; } catch { body = req.text; }
    const answered = (reply: Reply): Reply => {
      // A dropped connection answers nothing, so the log has nothing to show for it.
      if (reply.breaks !== 'drop') this.record({ method, path: url.pathname, query: url.searchParams, body, at: Date.now(), status: reply.status });
      return reply;
    };
    const signIn = this.signIn(method, url.pathname);
    if (signIn) return answered(json(signIn));
    if (!/^Bearer fake-token$/.test(req.headers.authorization ?? '')) return answered(json(armError(401, 'InvalidAuthenticationToken', 'no bearer token')));
    const real = (): Reply => {
      const route = this.routes.find(method, url.pathname.replace(/\/+$/, ''));
      const answer = route?.target(url, body);
      if (answer) return json(answer);
      return this.noRoute(`${method} ${url.pathname}${url.search}`, json(armError(404, 'NoRoute', `the fake has no route for ${method} ${url.pathname}`)));
    };
    const injected = await this.injected({ method, path: url.pathname, body }, `${method} ${url.pathname}${url.search} ${req.text}`, real);
    return answered(injected?.reply ?? real());
  }

  /**
   * Microsoft Entra ID for a client-credential sign-in, as a process that runs with
   * `AZURE_TENANT_ID`, `AZURE_CLIENT_ID` and `AZURE_CLIENT_SECRET` performs it (the CLI's
   * DefaultAzureCredential, authority host = the fake): any secret is good, the token is the fake's.
   */
  private signIn(method: string, path: string): FakeResponse | undefined {
    const m = /^\/([^/]+)\/(v2\.0\/\.well-known\/openid-configuration|oauth2\/v2\.0\/token)$/.exec(path);
    if (!m) return undefined;
    const base = `${this.url}/${m[1]}`;
    if (method === 'GET' && m[2]!.startsWith('v2.0')) {
      return { status: 200, body: { issuer: `${base}/v2.0`, authorization_endpoint: `${base}/oauth2/v2.0/authorize`, token_endpoint: `${base}/oauth2/v2.0/token`, jwks_uri: `${base}/discovery/v2.0/keys`, end_session_endpoint: `${base}/oauth2/v2.0/logout` } };
    }
    if (method === 'POST' && m[2] === 'oauth2/v2.0/token') return { status: 200, body: { token_type: 'Bearer', expires_in: 3600, ext_expires_in: 3600, access_token: 'fake-token' } };
    return undefined;
  }

  // ---- ARM -------------------------------------------------------------------------------

  private page(items: readonly unknown[], url: URL): FakeResponse {
    const size = this.options.armPageSize ?? 100;
    const offset = Number(url.searchParams.get('$skiptoken') ?? '0');
    const slice = items.slice(offset, offset + size);
    const next = offset + size < items.length ? new URL(url.href) : undefined;
    next?.searchParams.set('$skiptoken', String(offset + size));
    return { status: 200, body: { value: slice, ...(next ? { nextLink: next.href } : {}) } };
  }

  private arm(path: string, url: URL): FakeResponse | undefined {
    const p = lower(path);
    if (p === '/subscriptions') {
      return this.page(this.tenant.subscriptions.map((s) => ({ id: `/subscriptions/${s.id}`, subscriptionId: s.id, displayName: s.name, state: s.state ?? 'Enabled', tenantId: this.tenant.tenantId })), url);
    }
    const m = /^\/subscriptions\/([^/]+)(\/.*)?$/.exec(p);
    if (!m) return undefined;
    const sub = this.subs.get(m[1]!);
    if (!sub) return armError(404, 'SubscriptionNotFound', `The subscription '${m[1]}' could not be found.`);
    if (sub.denied) return armError(403, 'AuthorizationFailed', `The client does not have authorization to perform action over scope '/subscriptions/${sub.id}'.`);
    const rest = m[2] ?? '';
    const access = new Access(sub);
    if (rest === '') return { status: 200, body: { id: `/subscriptions/${sub.id}`, subscriptionId: sub.id, displayName: sub.name, state: sub.state ?? 'Enabled', tenantId: this.tenant.tenantId } };
    if (rest === '/resourcegroups') return this.page(access.groups().map((g) => ({ ...g, type: 'Microsoft.Resources/resourceGroups' })), url);
    if (rest === '/resources') {
      const filter = /resourceType eq '([^']+)'/i.exec(url.searchParams.get('$filter') ?? '')?.[1];
      return this.page(access.visible(sub.resources.filter((r) => !filter || lower(r.type) === lower(filter))).map(armShape), url);
    }
    const permissions = /^(\/resourcegroups\/[^/]+)?\/providers\/microsoft\.authorization\/permissions$/.exec(rest);
    if (permissions) {
      const scope = `/subscriptions/${sub.id}${permissions[1] ?? ''}`;
      if (!access.may('Microsoft.Authorization/permissions/read', scope)) return denied(scope);
      return this.page(access.permissionsAt(scope).map((x) => ({ actions: x.actions, notActions: x.notActions ?? [], dataActions: [], notDataActions: [] })), url);
    }
    if (rest === '/providers/microsoft.authorization/denyassignments') {
      if (!access.may('Microsoft.Authorization/denyAssignments/read', `/subscriptions/${sub.id}`)) return denied(`/subscriptions/${sub.id}`);
      return this.page((sub.access?.denyAssignments ?? []).map(denyAssignmentShape), url);
    }
    if (rest === '/providers/microsoft.authorization/policyassignments') {
      if (!access.may(POLICY_ASSIGNMENTS_READ, `/subscriptions/${sub.id}`)) return denied(`/subscriptions/${sub.id}`);
      // atScope(): those on the subscription and above it; unfiltered: those inside it as well.
      const atScope = url.searchParams.get('$filter') === 'atScope()';
      const own = this.policyAssignments(sub).filter((a) => !atScope || lower(policyScopeOf(a)) === lower(`/subscriptions/${sub.id}`));
      return this.page([...this.inheritedAssignments(sub), ...access.visible(own)].map(armShape), url);
    }
    const vaultItems = /^(\/resourcegroups\/[^/]+\/providers\/microsoft\.recoveryservices\/vaults\/[^/]+)\/backupprotecteditems$/.exec(rest);
    if (vaultItems) {
      const vaultId = lower(`/subscriptions/${sub.id}${vaultItems[1]}`);
      if (!access.may('Microsoft.RecoveryServices/vaults/backupProtectedItems/read', vaultId)) return denied(vaultId);
      return this.page(access.visible((sub.protectedItems ?? []).filter((i) => lower(i.id).startsWith(vaultId + '/'))).map(armShape), url);
    }
    const all = [...sub.resources, ...sub.children];
    const exact = all.find((r) => lower(r.id) === p);
    if (exact) return access.may(`${exact.type}/read`, exact.id) ? { status: 200, body: armShape(exact) } : denied(exact.id);
    const setting = defaultSetting(p, sub.resources);
    if (setting) return access.may(`${setting.type}/read`, setting.id) ? { status: 200, body: armShape(setting) } : denied(setting.id);
    // A listing: `/subscriptions/s/providers/NS/type` or a child listing under a resource id.
    const listingType = listingTypeOf(p);
    if (!listingType) return undefined;
    const acrossSubscription = /^\/subscriptions\/[^/]+\/providers\//.test(p);
    const parent = p.slice(0, p.lastIndexOf('/'));
    // Under one resource the call itself is authorised there; across the subscription rows just vanish.
    if (!acrossSubscription && !access.may(`${listingType}/read`, parent)) return denied(parent);
    const prefix = acrossSubscription ? `/subscriptions/${lower(sub.id)}/` : `${parent}/`;
    const items = all.filter((r) => lower(r.type) === listingType && lower(r.id).startsWith(prefix));
    if (items.length === 0 && !KNOWN_LISTINGS.has(listingType)) return undefined;
    return this.page(access.visible(items).map(armShape), url);
  }

  // ---- Resource Graph ------------------------------------------------------------------

  private resourceGraph(request: ResourceGraphRequest): FakeResponse {
    const exhausted = this.options.resourceGraphQuotaExhaustedOnce && this.counts.resourceGraph === 1;
    const limit = this.options.resourceGraphQuota;
    const quota = exhausted
      ? { 'x-ms-user-quota-remaining': '0', 'x-ms-user-quota-resets-after': '00:00:01' }
      : limit !== undefined
        ? { 'x-ms-user-quota-remaining': String(Math.max(0, limit - this.counts.resourceGraph)), 'x-ms-user-quota-resets-after': '00:00:01' }
        : { 'x-ms-user-quota-remaining': '14', 'x-ms-user-quota-resets-after': '00:00:05' };
    if (this.options.resourceGraphDisabled) return armError(403, 'AuthorizationFailed', 'Resource Graph is not allowed for this principal');
    const query = request.query;
    let scope: FakeSubscription[];
    if (request.managementGroups) {
      const ids = new Set(request.managementGroups.flatMap((g) => this.tenant.managementGroups?.[g] ?? []).map(lower));
      scope = this.tenant.subscriptions.filter((s) => ids.has(lower(s.id)));
    } else {
      scope = (request.subscriptions ?? []).map((id) => this.subs.get(lower(id))).filter((s): s is FakeSubscription => s !== undefined);
    }
    // Denied rows vanish: Resource Graph answers, but without what the principal may not read.
    scope = scope.filter((s) => !s.denied);
    const type = /type =~ '([^']+)'/.exec(query)?.[1];
    // `type in~ ('a', 'b')`: a query of several types.
    const types = /type in~ \(([^)]+)\)/.exec(query)?.[1]?.match(/'[^']+'/g)?.map((t) => t.slice(1, -1));
    let rows: Record<string, unknown>[];
    if (query.startsWith('resourcecontainers') && type === 'microsoft.resources/subscriptions') {
      // `managementGroups = properties.managementGroupAncestorsChain`: the groups `managementGroups` lists it under.
      const groupsOf = (s: FakeSubscription) => Object.entries(this.tenant.managementGroups ?? {}).filter(([, subs]) => subs.some((id) => lower(id) === lower(s.id))).map(([name]) => ({ name, displayName: name }));
      rows = scope.map((s) => ({ subscriptionId: s.id, name: s.name, managementGroups: groupsOf(s) }));
    } else if (query.startsWith('resourcecontainers') && type === 'microsoft.resources/subscriptions/resourcegroups') {
      rows = scope.flatMap((s) => new Access(s).groups().map((g) => ({ ...g, subscriptionId: s.id, managedBy: '' })));
    } else if (query.startsWith('policyresources')) {
      // `tolower(tostring(properties.policyDefinitionId)) in ('a', 'b')`: the definitions asked for.
      const definitions = /policyDefinitionId\)\) in \(([^)]+)\)/.exec(query)?.[1]?.match(/'[^']+'/g)?.map((t) => t.slice(1, -1));
      rows = scope.flatMap((s) =>
        new Access(s).visible(this.policyAssignments(s))
          .filter((a) => !definitions || definitions.includes(lower(String(a.properties?.['policyDefinitionId'] ?? ''))))
          .map((a) => ({ ...armShape(a), subscriptionId: s.id })),
      );
    } else if (query.startsWith('recoveryservicesresources')) {
      rows = scope.flatMap((s) => new Access(s).visible(s.protectedItems ?? []).map((r) => ({ ...armShape(r), subscriptionId: s.id })));
    } else if (query.startsWith('resources')) {
      const noMaster = /name !~ 'master'/.test(query);
      rows = scope.flatMap((s) =>
        new Access(s).visible(s.resources)
          .filter((r) => (types ? types.includes(lower(r.type)) : !type || lower(r.type) === type) && !(noMaster && lower(r.name) === 'master'))
          .map((r) => ({ ...armShape(r), subscriptionId: s.id, resourceGroup: resourceGroupOf(r.id) })),
      );
    } else {
      return armError(400, 'BadRequest', `the fake does not understand the query: ${query}`);
    }
    const top = Math.min(request.options?.$top ?? 100, this.options.resourceGraphPageSize ?? 1000);
    const offset = Number(request.options?.$skipToken ?? '0');
    const data = rows.slice(offset, offset + top);
    const next = offset + top < rows.length ? String(offset + top) : undefined;
    return {
      status: 200,
      headers: quota,
      body: { totalRecords: rows.length, count: data.length, resultTruncated: 'false', data, ...(next ? { $skipToken: next } : {}) },
    };
  }

  // ---- Azure Policy --------------------------------------------------------------------

  /** The assignments on the subscription and inside it. */
  private policyAssignments(sub: FakeSubscription): FakeResource[] {
    const own = lower(`/subscriptions/${sub.id}`);
    return (this.tenant.policyAssignments ?? []).filter((a) => lower(policyScopeOf(a)) === own || lower(policyScopeOf(a)).startsWith(`${own}/`));
  }

  /** The assignments of the management groups the subscription is in. */
  private inheritedAssignments(sub: FakeSubscription): FakeResource[] {
    return (this.tenant.policyAssignments ?? []).filter((a) => {
      const group = /^\/providers\/microsoft\.management\/managementgroups\/([^/]+)$/i.exec(policyScopeOf(a))?.[1];
      return group !== undefined && (this.tenant.managementGroups?.[group] ?? []).some((id) => lower(id) === lower(sub.id));
    });
  }

  // ---- Microsoft Graph -----------------------------------------------------------------

  private registrationReport(url: URL): FakeResponse {
    if (this.options.graphDenied) {
      return { status: 403, body: { error: { code: 'Authorization_RequestDenied', message: 'Insufficient privileges to complete the operation.' } } };
    }
    const size = this.options.graphPageSize ?? 100;
    const offset = Number(url.searchParams.get('$skiptoken') ?? '0');
    const value = this.tenant.users.slice(offset, offset + size).map((u) => ({
      id: u.userPrincipalName,
      userPrincipalName: u.userPrincipalName,
      userDisplayName: u.userPrincipalName.split('@')[0],
      userType: u.userType ?? 'member',
      isAdmin: u.isAdmin,
      isMfaRegistered: u.isMfaRegistered,
      isMfaCapable: u.isMfaRegistered,
      methodsRegistered: u.isMfaRegistered ? ['microsoftAuthenticatorPush'] : [],
    }));
    const next = offset + size < this.tenant.users.length ? `${this.url}/v1.0/reports/authenticationMethods/userRegistrationDetails?$skiptoken=${offset + size}` : undefined;
    return { status: 200, body: { value, ...(next ? { '@odata.nextLink': next } : {}) } };
  }
}

const POLICY_ASSIGNMENTS_READ = 'Microsoft.Authorization/policyAssignments/read';
const policyScopeOf = (a: FakeResource): string => String(a.properties?.['scope'] ?? a.id.replace(/\/providers\/microsoft\.authorization\/policyassignments\/[^/]+$/i, ''));
const GRAPH_DENIED: FakeResponse = { status: 403, body: { error: { code: 'Authorization_RequestDenied', message: 'Insufficient privileges to complete the operation.' } } };
const resourceGroupOf = (id: string): string => /\/resourcegroups\/([^/]+)/i.exec(id)?.[1] ?? '';
const denied = (scope: string): FakeResponse =>
  armError(403, 'AuthorizationFailed', `The client does not have authorization to perform action over scope '${scope}' or the scope is invalid.`);
/** An RBAC action pattern (`*` matches anything, `/` included), case-insensitive as Azure compares. */
const pattern = (p: string): RegExp => new RegExp(`^${p.split('*').map((x) => x.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`, 'i');
const anyMatch = (patterns: readonly string[] | undefined, action: string): boolean => (patterns ?? []).some((p) => pattern(p).test(action));

/** Azure RBAC over one subscription of the fake: what the identity may read where. */
class Access {
  constructor(private readonly sub: FakeSubscription) {}

  /** The role permissions effective at `scope`: the subscription's, plus its resource group's. */
  permissionsAt(scope: string): readonly FakePermission[] {
    const { access } = this.sub;
    if (!access) return [READER];
    const group = lower(resourceGroupOf(scope));
    const extra = Object.entries(access.resourceGroups ?? {}).filter(([name]) => group !== '' && lower(name) === group).flatMap(([, p]) => p);
    return [...access.subscription, ...extra];
  }

  /** Whether the identity may perform `action` on `scope`: some role grants it and no deny assignment takes it away. */
  may(action: string, scope: string): boolean {
    const granted = this.permissionsAt(scope).some((x) => anyMatch(x.actions, action) && !anyMatch(x.notActions, action));
    const at = lower(scope);
    const deniedHere = (this.sub.access?.denyAssignments ?? []).some((d) => {
      const ds = lower(d.scope).replace(/\/+$/, '');
      const covers = at === ds || (!d.doNotApplyToChildScopes && (at.startsWith(`${ds}/`) || !ds.startsWith('/subscriptions/')));
      return covers && anyMatch(d.actions, action) && !anyMatch(d.notActions, action);
    });
    return granted && !deniedHere;
  }

  /** The resources a bulk answer shows: those whose type the identity may read where they are. */
  visible<T extends FakeResource>(resources: readonly T[]): T[] {
    return resources.filter((r) => this.may(`${r.type}/read`, r.id));
  }

  groups(): { id: string; name: string; location: string; tags: Record<string, string> }[] {
    return this.sub.resourceGroups
      .map((g) => ({ id: `/subscriptions/${this.sub.id}/resourceGroups/${g.name}`, name: g.name, location: g.location, tags: g.tags ?? {} }))
      .filter((g) => this.may('Microsoft.Resources/subscriptions/resourceGroups/read', g.id));
  }
}

function denyAssignmentShape(d: FakeDenyAssignment): Record<string, unknown> {
  const id = `${d.scope.replace(/\/+$/, '')}/providers/Microsoft.Authorization/denyAssignments/${d.name}`;
  return {
    id,
    name: d.name,
    type: 'Microsoft.Authorization/denyAssignments',
    properties: {
      denyAssignmentName: d.name,
      description: 'Created by the fake',
      permissions: [{ actions: d.actions, notActions: d.notActions ?? [], dataActions: [], notDataActions: [] }],
      scope: d.scope,
      doNotApplyToChildScopes: d.doNotApplyToChildScopes ?? false,
      principals: [{ id: '00000000-0000-0000-0000-000000000000', type: 'SystemDefined' }],
      excludePrincipals: [],
      isSystemProtected: true,
    },
  };
}

interface ResourceGraphRequest {
  readonly query: string;
  readonly subscriptions?: string[];
  readonly managementGroups?: string[];
  readonly options?: { $top?: number; $skipToken?: string };
}

/** Listings ARM answers with an empty page when nothing of the type exists. */
const KNOWN_LISTINGS = new Set([
  'microsoft.storage/storageaccounts',
  'microsoft.compute/disks',
  'microsoft.compute/virtualmachines',
  'microsoft.network/networksecuritygroups',
  'microsoft.keyvault/vaults',
  'microsoft.keyvault/vaults/keys',
  'microsoft.keyvault/vaults/secrets',
  'microsoft.sql/servers',
  'microsoft.sql/servers/databases',
  'microsoft.authorization/roleassignments',
  'microsoft.authorization/roledefinitions',
  'microsoft.insights/diagnosticsettings',
  'microsoft.security/pricings',
  ...SERVICE_LISTINGS,
]);

/** `/subscriptions/s/providers/NS/t` -> `ns/t`; `.../providers/NS/t1/n1/t2` -> `ns/t1/t2`. */
function listingTypeOf(path: string): string | undefined {
  const i = path.lastIndexOf('/providers/');
  if (i < 0) return undefined;
  const parts = path.slice(i + '/providers/'.length).split('/');
  if (parts.length < 2 || parts.length % 2 !== 0) return undefined;
  const [ns, ...rest] = parts;
  return [ns, ...rest.filter((_, k) => k % 2 === 0)].join('/');
}

function armShape(r: FakeResource): Record<string, unknown> {
  return {
    id: r.id,
    name: r.name,
    type: r.type,
    ...(r.location ? { location: r.location } : {}),
    ...(r.tags ? { tags: r.tags } : {}),
    ...(r.kind ? { kind: r.kind } : {}),
    ...(r.managedBy ? { managedBy: r.managedBy } : {}),
    ...(r.identity ? { identity: r.identity } : {}),
    properties: r.properties ?? {},
  };
}

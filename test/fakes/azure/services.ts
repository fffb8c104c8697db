import type { FakeResource } from './server.js';

/**
 * The settings ARM serves under a resource for the services of issue 13, with the values a new
 * resource has when a scenario does not give its own (as a child): the blob service of a storage
 * account, a flexible server's parameters, a site's `config/web`. `undefined`: not such a path,
 * or its resource does not exist.
 */
const DEFAULTS: readonly { readonly path: RegExp; readonly parent: string; readonly properties: (name: string) => Record<string, unknown> | undefined }[] = [
  { path: /^(.*\/microsoft\.storage\/storageaccounts\/[^/]+)\/blobservices\/default$/, parent: 'microsoft.storage/storageaccounts', properties: () => ({ deleteRetentionPolicy: { enabled: false }, containerDeleteRetentionPolicy: { enabled: false }, isVersioningEnabled: false }) },
  { path: /^(.*\/microsoft\.dbforpostgresql\/flexibleservers\/[^/]+)\/configurations\/([^/]+)$/, parent: 'microsoft.dbforpostgresql/flexibleservers', properties: (name) => PARAMETERS[`postgresql/${name}`] },
  { path: /^(.*\/microsoft\.dbformysql\/flexibleservers\/[^/]+)\/configurations\/([^/]+)$/, parent: 'microsoft.dbformysql/flexibleservers', properties: (name) => PARAMETERS[`mysql/${name}`] },
  { path: /^(.*\/microsoft\.web\/sites\/[^/]+)\/config\/web$/, parent: 'microsoft.web/sites', properties: () => ({ minTlsVersion: '1.2', ftpsState: 'FtpsOnly', remoteDebuggingEnabled: false }) },
];

const PARAMETERS: Readonly<Record<string, Record<string, unknown>>> = {
  'postgresql/require_secure_transport': { value: 'on' },
  'postgresql/ssl_min_protocol_version': { value: 'TLSv1.2' },
  'mysql/require_secure_transport': { value: 'ON' },
  'mysql/tls_version': { value: 'TLSv1.2,TLSv1.3' },
};

/** The default setting at `path` (lower case) under one of `resources`, as ARM shapes it. */
export function defaultSetting(path: string, resources: readonly FakeResource[]): FakeResource | undefined {
  for (const d of DEFAULTS) {
    const m = d.path.exec(path);
    if (!m) continue;
    const parent = resources.find((r) => r.id.toLowerCase() === m[1] && r.type.toLowerCase() === d.parent);
    const properties = parent && d.properties(m[2] ?? '');
    if (!parent || !properties) return undefined;
    const name = path.slice(path.lastIndexOf('/') + 1);
    return { id: `${parent.id}${path.slice(m[1]!.length)}`, name, type: `${parent.type}/${path.slice(m[1]!.length + 1).split('/')[0]}`, properties };
  }
  return undefined;
}

/** The listings of issue 13's services that ARM answers with an empty page when nothing exists. */
export const SERVICE_LISTINGS = [
  'microsoft.documentdb/databaseaccounts',
  'microsoft.dbforpostgresql/flexibleservers',
  'microsoft.dbforpostgresql/flexibleservers/firewallrules',
  'microsoft.dbformysql/flexibleservers',
  'microsoft.dbformysql/flexibleservers/firewallrules',
  'microsoft.web/sites',
  'microsoft.containerservice/managedclusters',
  'microsoft.recoveryservices/vaults',
  'microsoft.sql/servers/firewallrules',
];

/** How the tenant enforces MFA, as Microsoft Graph answers it. */
export interface FakeTenantPolicy {
  readonly securityDefaults?: boolean;
  /** Conditional Access policies in Graph's JSON. */
  readonly conditionalAccess?: readonly Record<string, unknown>[];
}

export function securityDefaultsAnswer(policy: FakeTenantPolicy | undefined) {
  return { status: 200, body: { id: '00000000-0000-0000-0000-000000000000', displayName: 'Security Defaults', isEnabled: policy?.securityDefaults ?? false } };
}

/** One page of Conditional Access policies, `@odata.nextLink` for the next. */
export function conditionalAccessAnswer(policy: FakeTenantPolicy | undefined, url: URL, pageSize: number, base: string) {
  const all = policy?.conditionalAccess ?? [];
  const offset = Number(url.searchParams.get('$skiptoken') ?? '0');
  const next = offset + pageSize < all.length ? `${base}/v1.0/identity/conditionalAccess/policies?$skiptoken=${offset + pageSize}` : undefined;
  return { status: 200, body: { value: all.slice(offset, offset + pageSize), ...(next ? { '@odata.nextLink': next } : {}) } };
}

/** A Conditional Access policy in Graph's JSON: MFA for everyone and every app unless overridden. */
export function conditionalAccessPolicy(displayName: string, over: { state?: string; users?: Record<string, unknown>; clientAppTypes?: string[]; grant?: Record<string, unknown> } = {}): Record<string, unknown> {
  return {
    id: `ca-${displayName}`,
    displayName,
    state: over.state ?? 'enabled',
    conditions: {
      users: { includeUsers: ['All'], excludeUsers: [], includeGroups: [], excludeGroups: [], includeRoles: [], excludeRoles: [], ...over.users },
      applications: { includeApplications: ['All'], excludeApplications: [] },
      clientAppTypes: over.clientAppTypes ?? ['all'],
    },
    grantControls: { operator: 'OR', builtInControls: ['mfa'], customAuthenticationFactors: [], termsOfUse: [], authenticationStrength: null, ...over.grant },
  };
}

import { collectionError, observedBy, seen, unseen, type CollectionError, type Observed } from '../../../src/core/observed.js';
import { GLOBAL_REGION, type Resource } from '../../../src/core/resource.js';
import { resource } from '../../../src/inventory/build.js';
import type { AzureConditionalAccessPolicy } from '../model/types.js';
import { callAzure, type CallerOptions } from './calls.js';
import type { AzureCloud } from './cloud.js';
import { classifyAzureError } from './errors.js';
import type { MicrosoftGraph } from './graph.js';
import * as n from './normalise.js';

/**
 * How the tenant enforces MFA: security defaults, or Conditional Access policies (the two exclude
 * each other). Both are Microsoft Graph reads that need the application permission Policy.Read.All.
 */
export const SECURITY_DEFAULTS = '/v1.0/policies/identitySecurityDefaultsEnforcementPolicy';
export const CONDITIONAL_ACCESS = '/v1.0/identity/conditionalAccess/policies';
export const POLICY_PERMISSION = 'graph:Policy.Read.All';

export function conditionalAccessPolicy(raw: unknown): AzureConditionalAccessPolicy {
  const r = n.obj(raw);
  const conditions = n.obj(r['conditions']);
  const users = n.obj(conditions['users']);
  const apps = n.obj(conditions['applications']);
  const grant = n.obj(r['grantControls']);
  return {
    id: n.str(r['id']) ?? '',
    displayName: n.str(r['displayName']) ?? '',
    state: n.str(r['state']) ?? 'disabled',
    includeUsers: n.strings(users['includeUsers']),
    excludeUsers: n.strings(users['excludeUsers']),
    excludeGroups: n.strings(users['excludeGroups']),
    includeRoles: n.strings(users['includeRoles']),
    includeApplications: n.strings(apps['includeApplications']),
    excludeApplications: n.strings(apps['excludeApplications']),
    clientAppTypes: n.strings(conditions['clientAppTypes']),
    builtInControls: n.strings(grant['builtInControls']),
    operator: n.str(grant['operator']) ?? 'OR',
    authenticationStrength: n.str(n.obj(grant['authenticationStrength'])['id']),
  };
}

/** A refusal names the permission to grant; it is never read as "no policy". */
function policyError(error: unknown, tenant: string, path: string): CollectionError {
  const e = classifyAzureError(error, `graph:GET ${path}`, { account: tenant });
  if (e.code !== 'ACCESS_DENIED' && e.code !== 'AUTH_FAILED') return e;
  return collectionError(e.code, POLICY_PERMISSION, `${e.message} — grant the application permission Policy.Read.All (admin consent)`, { provider: 'azure', account: tenant });
}

async function read<T>(tenant: string, path: string, fn: () => Promise<T>): Promise<Observed<T>> {
  try {
    return seen(await fn(), observedBy(POLICY_PERMISSION));
  } catch (error) {
    return unseen(policyError(error, tenant, path));
  }
}

export async function tenantPolicy(graph: MicrosoftGraph, cloud: AzureCloud, opts: CallerOptions, tenant: string): Promise<Resource<'azure.entra.tenant-policy'>> {
  const op = (path: string) => ({ service: 'graph', operation: `GET ${path.replace('/v1.0/', '')}`, account: tenant });
  const [securityDefaults, conditionalAccess] = await Promise.all([
    read(tenant, SECURITY_DEFAULTS, async () => {
      const body = await callAzure(opts, op(SECURITY_DEFAULTS), (signal) => graph.get(`${cloud.graph}${SECURITY_DEFAULTS}`, signal));
      if (typeof body['isEnabled'] !== 'boolean') throw new SyntaxError('Microsoft Graph answered the security defaults policy without isEnabled');
      return body['isEnabled'];
    }),
    read(tenant, CONDITIONAL_ACCESS, async () => {
      const policies: AzureConditionalAccessPolicy[] = [];
      let url: string | undefined = `${cloud.graph}${CONDITIONAL_ACCESS}`;
      while (url) {
        const current: string = url;
        const body = await callAzure(opts, op(CONDITIONAL_ACCESS), (signal) => graph.get(current, signal));
        // A page without its rows is an unreadable answer, not a tenant without policies.
        if (!Array.isArray(body['value'])) throw new SyntaxError('Microsoft Graph answered the Conditional Access policies without a value array');
        policies.push(...(body['value'] as unknown[]).map(conditionalAccessPolicy));
        url = typeof body['@odata.nextLink'] === 'string' ? body['@odata.nextLink'] : undefined;
      }
      return policies;
    }),
  ]);
  return resource('azure.entra.tenant-policy', { provider: 'azure', account: tenant, region: GLOBAL_REGION }, {
    id: `${tenant}/policies/mfa`,
    name: 'Entra ID tenant',
    data: { securityDefaults, conditionalAccess },
  });
}

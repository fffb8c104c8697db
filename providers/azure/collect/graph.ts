import type { TokenCredential } from '@azure/core-auth';
import {
  bearerTokenAuthenticationPolicy,
  createDefaultHttpClient,
  createEmptyPipeline,
  createPipelineRequest,
  tlsPolicy,
  type HttpClient,
  type Pipeline,
} from '@azure/core-rest-pipeline';
import { GLOBAL_REGION, type Resource } from '../../../src/core/resource.js';
import { collectionError, type CollectionError } from '../../../src/core/observed.js';
import { resource } from '../../../src/inventory/build.js';
import type { AzureEntraUser } from '../model/types.js';
import { callAzure, type CallerOptions } from './calls.js';
import type { AzureCloud } from './cloud.js';
import { AzureHttpError } from './errors.js';

/**
 * Microsoft Graph through a bare core-rest-pipeline (bearer token for the cloud's Graph scope):
 * one report, paged by `@odata.nextLink`, needs no more than that, and it keeps the Graph SDK and
 * its middleware chain out of the scanner. Retries are ours (callAzure), as for ARM.
 */
export const REGISTRATION_REPORT = '/v1.0/reports/authenticationMethods/userRegistrationDetails';
export const MFA_PERMISSION = 'graph:AuditLog.Read.All';

export class MicrosoftGraph {
  private readonly pipeline: Pipeline;
  private readonly http: HttpClient;

  constructor(private readonly cloud: AzureCloud, credential: TokenCredential, ca?: string) {
    this.pipeline = createEmptyPipeline();
    if (ca) this.pipeline.addPolicy(tlsPolicy({ ca }));
    this.pipeline.addPolicy(bearerTokenAuthenticationPolicy({ credential, scopes: cloud.graphScope }));
    this.http = createDefaultHttpClient();
  }

  async get(url: string, signal: AbortSignal): Promise<Record<string, unknown>> {
    const request = createPipelineRequest({ url, method: 'GET', abortSignal: signal });
    request.headers.set('accept', 'application/json');
    const response = await this.pipeline.sendRequest(this.http, request);
    const headers = Object.fromEntries([...response.headers].map(([k, v]) => [k.toLowerCase(), v]));
    if (response.status >= 400) {
      let code: string | undefined;
      let message = response.bodyAsText ?? '';
      try {
        const body = JSON.parse(message) as { error?: { code?: string; message?: string } };
        code = body.error?.code;
        message = body.error?.message ?? message;
      } catch { /* a non-JSON error body: keep the text */ }
      throw new AzureHttpError(`Microsoft Graph GET ${new URL(url).pathname} answered ${response.status}: ${message}`, response.status, code, headers);
    }
    return JSON.parse(response.bodyAsText ?? '{}') as Record<string, unknown>;
  }

  /** Every row of the MFA registration report. */
  async registrationDetails(opts: CallerOptions, tenant: string): Promise<AzureEntraUser[]> {
    const users: AzureEntraUser[] = [];
    let url: string | undefined = `${this.cloud.graph}${REGISTRATION_REPORT}`;
    while (url) {
      const current: string = url;
      const body = await callAzure(opts, { service: 'graph', operation: 'GET reports/authenticationMethods/userRegistrationDetails', account: tenant }, (signal) => this.get(current, signal));
      // A page without its rows is an unreadable answer, not a tenant without users.
      if (!Array.isArray(body['value'])) throw new SyntaxError('Microsoft Graph answered the MFA report without a value array');
      for (const row of body['value'] as Record<string, unknown>[]) {
        users.push({
          userPrincipalName: String(row['userPrincipalName'] ?? row['id'] ?? ''),
          displayName: typeof row['userDisplayName'] === 'string' ? row['userDisplayName'] : null,
          userType: typeof row['userType'] === 'string' ? row['userType'] : 'member',
          isAdmin: row['isAdmin'] === true,
          isMfaRegistered: row['isMfaRegistered'] === true,
          isMfaCapable: row['isMfaCapable'] === true,
          methodsRegistered: Array.isArray(row['methodsRegistered']) ? row['methodsRegistered'].filter((m): m is string => typeof m === 'string') : [],
        });
      }
      url = typeof body['@odata.nextLink'] === 'string' ? body['@odata.nextLink'] : undefined;
    }
    return users;
  }
}

export function entraUsers(tenant: string, users: readonly AzureEntraUser[]): Resource<'azure.entra.user'>[] {
  return users.map((u) =>
    resource('azure.entra.user', { provider: 'azure', account: tenant, region: GLOBAL_REGION }, { id: `${tenant}/users/${u.userPrincipalName}`, name: u.userPrincipalName, data: u }),
  );
}

/** A refused report names the Graph permissions to grant; it is never read as "no users". */
export function graphError(error: CollectionError): CollectionError {
  if (error.code !== 'ACCESS_DENIED' && error.code !== 'AUTH_FAILED') return error;
  return collectionError(
    error.code,
    MFA_PERMISSION,
    `${error.message} — grant the application permissions AuditLog.Read.All and UserAuthenticationMethod.Read.All (admin consent; the report needs an Entra ID P1 or P2 licence)`,
    { provider: 'azure', ...(error.account ? { account: error.account } : {}) },
  );
}

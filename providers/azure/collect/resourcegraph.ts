import { ResourceGraphClient } from '@azure/arm-resourcegraph';
import type { TokenCredential } from '@azure/core-auth';
import { Agent } from 'node:https';
import type { Logger } from 'pino';
import { callAzure, type CallerOptions } from './calls.js';
import type { AzureCloud } from './cloud.js';
import { parseQuotaReset } from './errors.js';
import { subscriptionOf, type Raw } from './normalise.js';

/**
 * Resource Graph answers one KQL query for many subscriptions at once: the bulk path. Each query
 * runs over a batch of subscriptions (fewer than 300), pages with `$skipToken`, and is shared by
 * every subscription task of its batch; the rows are handed out per subscription and dropped once
 * every task of the batch has taken its share, so memory holds one batch per query at most.
 *
 * Resource Graph silently leaves out rows the identity may not read ("denied rows vanish"), so an
 * absent row is not proof of absence: the adapter only routes a subscription here when the
 * subscription itself is visible to Resource Graph, and reports that coverage.
 */
export const QUERIES = {
  subscriptions: "resourcecontainers | where type =~ 'microsoft.resources/subscriptions' | project subscriptionId, name",
  resourceGroups: "resourcecontainers | where type =~ 'microsoft.resources/subscriptions/resourcegroups' | project id, name, location, tags, subscriptionId, managedBy",
  resources: 'resources | project id, name, type, location, tags, subscriptionId, resourceGroup, kind',
  storageAccounts: "resources | where type =~ 'microsoft.storage/storageaccounts' | project id, name, location, tags, subscriptionId, resourceGroup, kind, properties",
  disks: "resources | where type =~ 'microsoft.compute/disks' | project id, name, location, tags, subscriptionId, resourceGroup, managedBy, properties",
  virtualMachines: "resources | where type =~ 'microsoft.compute/virtualmachines' | project id, name, location, tags, subscriptionId, resourceGroup, identity, properties",
  networkSecurityGroups: "resources | where type =~ 'microsoft.network/networksecuritygroups' | project id, name, location, tags, subscriptionId, resourceGroup, properties",
  keyVaults: "resources | where type =~ 'microsoft.keyvault/vaults' | project id, name, location, tags, subscriptionId, resourceGroup, properties",
  sqlServers: "resources | where type =~ 'microsoft.sql/servers' | project id, name, location, tags, subscriptionId, resourceGroup, properties",
  sqlDatabases: "resources | where type =~ 'microsoft.sql/servers/databases' and name !~ 'master' | project id, name, location, tags, subscriptionId, resourceGroup",
  protectedItems:
    "recoveryservicesresources | where type =~ 'microsoft.recoveryservices/vaults/backupfabrics/protectioncontainers/protecteditems' | project id, name, subscriptionId, properties",
  // Several services in one query (the user quota is 15 queries per 5 s): each kind takes its type's rows.
  services:
    "resources | where type in~ ('microsoft.documentdb/databaseaccounts', 'microsoft.dbforpostgresql/flexibleservers', 'microsoft.dbformysql/flexibleservers', 'microsoft.web/sites', 'microsoft.containerservice/managedclusters', 'microsoft.recoveryservices/vaults') | project id, name, type, location, tags, subscriptionId, resourceGroup, kind, identity, properties",
} as const;
export type GraphQueryName = keyof typeof QUERIES;

/** The types a query carries when it carries several (each row's `type`, lower case): its rows are routed by type. */
export const ROUTED: Partial<Record<GraphQueryName, readonly string[]>> = {
  services: [...QUERIES.services.matchAll(/'([^']+)'/g)].map((m) => m[1]!),
};
/** The share a (subscription, type) takes of a query's rows; the whole subscription's for a query of one type. */
const shareOf = (subscription: string, type: string | undefined): string => `${subscription}|${type ?? ''}`;

const PAGE_SIZE = 1000;

export interface ResourceGraphSettings {
  readonly cloud: AzureCloud;
  readonly credential: TokenCredential;
  readonly ca?: string;
  readonly tenant: string;
  readonly log: Logger;
}

export class ResourceGraph {
  private readonly client: ResourceGraphClient;
  /** Epoch ms before which no query may start (the user quota ran out). */
  private quotaBlockedUntil = 0;
  queries = 0;

  constructor(private readonly settings: ResourceGraphSettings) {
    const { cloud, credential, ca } = settings;
    // The client derives its token scope from baseUri; Resource Graph always wants the ARM audience.
    const armCredential: TokenCredential = { getToken: (_scopes, options) => credential.getToken(cloud.armScope, options) };
    this.client = new ResourceGraphClient(armCredential, {
      baseUri: cloud.resourceGraph,
      // The client retries a 429 once and ignores the quota headers; callAzure does both.
      noRetryPolicy: true,
      ...(ca ? { agentSettings: { https: new Agent({ ca, keepAlive: true }), http: undefined as never } } : {}),
    });
  }

  /** Every row of one query over `subscriptions` (or a management group), all pages. */
  async query(opts: CallerOptions, query: string, scope: { subscriptions?: readonly string[]; managementGroups?: readonly string[] }): Promise<Raw[]> {
    const rows: Raw[] = [];
    let skipToken: string | undefined;
    do {
      const wait = this.quotaBlockedUntil - Date.now();
      if (wait > 0) await opts.sleep(wait, opts.signal);
      const response = await callAzure(opts, { service: 'resourcegraph', operation: 'Microsoft.ResourceGraph/resources/read', account: this.settings.tenant }, (signal) =>
        this.client.resources(
          {
            query,
            ...(scope.subscriptions ? { subscriptions: [...scope.subscriptions] } : {}),
            ...(scope.managementGroups ? { managementGroups: [...scope.managementGroups] } : {}),
            options: { top: PAGE_SIZE, resultFormat: 'objectArray', ...(skipToken ? { skipToken } : {}) },
          },
          { abortSignal: signal as never },
        ),
      );
      this.queries++;
      this.noteQuota(response._response.headers.get('x-ms-user-quota-remaining'), response._response.headers.get('x-ms-user-quota-resets-after'));
      const data: unknown = response.data;
      if (!Array.isArray(data)) throw new SyntaxError('Resource Graph answered without an object array');
      // Truncated with no token to go on: the rows we have are not the listing (the caller falls back to ARM).
      if (response.resultTruncated === 'true' && !response.skipToken) throw new SyntaxError('Resource Graph truncated the answer without a $skipToken');
      rows.push(...(data as Raw[]));
      skipToken = response.skipToken;
    } while (skipToken);
    return rows;
  }

  private noteQuota(remaining: string | undefined, resetsAfter: string | undefined): void {
    if (remaining === undefined || Number(remaining) > 0) return;
    const ms = parseQuotaReset(resetsAfter) ?? 5000;
    this.quotaBlockedUntil = Math.max(this.quotaBlockedUntil, Date.now() + ms);
    this.settings.log.debug({ resetsAfterMs: ms }, 'resource graph user quota used up; pausing queries');
  }
}

/**
 * One query per (batch of subscriptions, query name), shared by the tasks of that batch. Rows are
 * split by subscription; each subscription's share is released when its task takes it.
 */
export class GraphBatches {
  private readonly runs = new Map<string, { rows: Promise<Map<string, Raw[]>>; waiting: Set<string> }>();

  constructor(
    private readonly graph: ResourceGraph,
    private readonly batches: readonly (readonly string[])[],
    private readonly batchOf: ReadonlyMap<string, number>,
  ) {}

  /** `type`: the kind's type, for a query of several types (ROUTED); its rows are that type's only. */
  async rows(opts: CallerOptions, name: GraphQueryName, subscription: string, type?: string): Promise<Raw[]> {
    const sub = subscription.toLowerCase();
    const index = this.batchOf.get(sub);
    if (index === undefined) throw new Error(`subscription ${subscription} is not in a Resource Graph batch`);
    const key = `${index}/${name}`;
    let run = this.runs.get(key);
    if (!run) {
      const members = this.batches[index] ?? [];
      const rows = this.graph.query(opts, QUERIES[name], { subscriptions: members }).then((all) => {
        const bySub = new Map<string, Raw[]>(members.map((m) => [m.toLowerCase(), []]));
        for (const row of all) {
          const owner = (typeof row['subscriptionId'] === 'string' ? row['subscriptionId'] : subscriptionOf(String(row['id'] ?? ''))).toLowerCase();
          bySub.get(owner)?.push(row);
        }
        return bySub;
      });
      const types: readonly (string | undefined)[] = ROUTED[name] ?? [undefined];
      run = { rows, waiting: new Set(members.flatMap((m) => types.map((t) => shareOf(m.toLowerCase(), t)))) };
      this.runs.set(key, run);
    }
    try {
      const mine = (await run.rows).get(sub) ?? [];
      return type === undefined ? mine : mine.filter((row) => String(row['type'] ?? '').toLowerCase() === type);
    } finally {
      run.waiting.delete(shareOf(sub, type));
      if (run.waiting.size === 0) this.runs.delete(key);
    }
  }
}

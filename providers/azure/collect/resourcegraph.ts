import { ResourceGraphClient } from '@azure/arm-resourcegraph';
import type { TokenCredential } from '@azure/core-auth';
import { Agent } from 'node:https';
import type { Logger } from 'pino';
import { callAzure, type CallerOptions } from './calls.js';
import type { AzureCloud } from './cloud.js';
import { parseQuotaReset } from './errors.js';
import { REQUIRE_TAG_DEFINITION_IDS } from '../tag-policy.js';
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
  subscriptions: "resourcecontainers | where type =~ 'microsoft.resources/subscriptions' | project subscriptionId, name, managementGroups = properties.managementGroupAncestorsChain",
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
  // The subscription's own "require a tag" assignments (those of management groups lie outside every subscription's rows).
  tagAssignments: `policyresources | where type =~ 'microsoft.authorization/policyassignments' and tolower(tostring(properties.policyDefinitionId)) in (${REQUIRE_TAG_DEFINITION_IDS.map((id) => `'${id}'`).join(', ')}) | project id, name, subscriptionId, properties`,
  // Several services in one query (the user quota is 15 queries per 5 s): each kind takes its type's rows.
  services:
    "resources | where type in~ ('microsoft.documentdb/databaseaccounts', 'microsoft.dbforpostgresql/flexibleservers', 'microsoft.dbformysql/flexibleservers', 'microsoft.web/sites', 'microsoft.containerservice/managedclusters', 'microsoft.recoveryservices/vaults') | project id, name, type, location, tags, subscriptionId, resourceGroup, kind, identity, properties",
} as const;
export type GraphQueryName = keyof typeof QUERIES;

/** The largest page Resource Graph serves: every page is a query against the user quota. */
export const PAGE_SIZE = 1000;

/** Assumed when an answer says how much quota is left but not when it resets: Resource Graph's window. */
const QUOTA_WINDOW_MS = 5000;

/**
 * Resource Graph's per-user quota (15 queries per 5 s window), as its answers report it:
 * `x-ms-user-quota-remaining` queries left until `x-ms-user-quota-resets-after`. A query waits
 * only when what is left (less the queries sent since the last answer said so) is below the one
 * query it needs; otherwise it starts at once, however low the quota runs.
 */
export class GraphQuota {
  /** Queries left in the current window; undefined when no answer has said (or its window is over). */
  private left: number | undefined;
  private resetsAt = 0;

  constructor(private readonly clock: () => number = Date.now) {}

  /**
   * Waits, if it must, until the next query may start, and reserves its share of the quota;
   * returns how many times it waited. A window waited out is over, whatever the clock says.
   */
  async acquire(sleep: (ms: number) => Promise<void>): Promise<number> {
    let pauses = 0;
    for (let wait = this.reserve(); wait > 0; wait = this.reserve()) {
      const window = this.resetsAt;
      await sleep(wait);
      if (this.resetsAt === window) this.left = undefined;
      pauses++;
    }
    return pauses;
  }

  /** Milliseconds to wait before the next query may start; 0 reserves its share of the quota. */
  private reserve(): number {
    const now = this.clock();
    if (this.left !== undefined && now >= this.resetsAt) this.left = undefined;
    if (this.left === undefined) return 0;
    if (this.left >= 1) {
      this.left--;
      return 0;
    }
    return this.resetsAt - now;
  }

  /** What an answer said. An answer from the same window never raises what is left: queries sent since are not in it. */
  observe(remaining: string | undefined, resetsAfter: string | undefined): void {
    const left = remaining === undefined || remaining.trim() === '' ? NaN : Number(remaining);
    if (!Number.isFinite(left)) return;
    const now = this.clock();
    const resetsAt = now + (parseQuotaReset(resetsAfter) ?? QUOTA_WINDOW_MS);
    // A window ending more than a second after ours is a new one (answers of one window differ by their latency).
    const newWindow = this.left === undefined || now >= this.resetsAt || resetsAt > this.resetsAt + 1000;
    this.left = newWindow ? left : Math.min(this.left!, left);
    this.resetsAt = newWindow ? resetsAt : Math.max(this.resetsAt, resetsAt);
  }
}

/** The types a query carries when it carries several (each row's `type`, lower case): its rows are routed by type. */
export const ROUTED: Partial<Record<GraphQueryName, readonly string[]>> = {
  services: [...QUERIES.services.matchAll(/'([^']+)'/g)].map((m) => m[1]!),
};
/** The share a (subscription, type) takes of a query's rows; the whole subscription's for a query of one type. */
const shareOf = (subscription: string, type: string | undefined): string => `${subscription}|${type ?? ''}`;


export interface ResourceGraphSettings {
  readonly cloud: AzureCloud;
  readonly credential: TokenCredential;
  readonly ca?: string;
  readonly tenant: string;
  readonly log: Logger;
}

export class ResourceGraph {
  private readonly client: ResourceGraphClient;
  private readonly quota: GraphQuota;
  queries = 0;
  /** Waits for the user quota, for the summary's story and the tests. */
  quotaPauses = 0;

  constructor(private readonly settings: ResourceGraphSettings) {
    this.quota = new GraphQuota();
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
      this.quotaPauses += await this.quota.acquire((ms) => {
        this.settings.log.debug({ waitMs: ms }, 'resource graph user quota used up; waiting for it to reset');
        return opts.sleep(ms, opts.signal);
      });
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
      this.quota.observe(response._response.headers.get('x-ms-user-quota-remaining'), response._response.headers.get('x-ms-user-quota-resets-after'));
      const data: unknown = response.data;
      if (!Array.isArray(data)) throw new SyntaxError('Resource Graph answered without an object array');
      // Truncated with no token to go on: the rows we have are not the listing (the caller falls back to ARM).
      if (response.resultTruncated === 'true' && !response.skipToken) throw new SyntaxError('Resource Graph truncated the answer without a $skipToken');
      rows.push(...(data as Raw[]));
      skipToken = response.skipToken;
    } while (skipToken);
    return rows;
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

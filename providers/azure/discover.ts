import { getContinuationToken as subscriptionsToken } from '@azure/arm-resources-subscriptions';
import pLimit from 'p-limit';
import picomatch from 'picomatch';
import type { Logger } from 'pino';
import { collectionError, type CollectionError } from '../../src/core/observed.js';
import type { DiscoverContext, DiscoveryResult, Target } from '../../src/core/provider.js';
import { GLOBAL_REGION, type ResourceType, type Scope } from '../../src/core/resource.js';
import { inShard } from '../../src/core/shard.js';
import type { AzureConfig } from './config.js';
import { callAzure, listAll, type CallerOptions } from './collect/calls.js';
import type { AzureClients } from './collect/clients.js';
import { classifyAzureError } from './collect/errors.js';
import { REGISTRATION_REPORT } from './collect/graph.js';
import { GraphBatches, QUERIES, type ResourceGraph } from './collect/resourcegraph.js';

/** What the adapter keeps per target; never serialised. */
export type AzureSession = SubscriptionSession | TenantSession;
export interface SubscriptionSession {
  readonly kind: 'subscription';
  readonly displayName: string;
  readonly state: string;
  /** Collected through Resource Graph (visible to it), else through the per-service ARM clients. */
  readonly resourceGraph: boolean;
  /** The management groups above it (names, lower case), as Resource Graph tells; absent when it did not. */
  readonly managementGroups?: readonly string[];
}
export interface TenantSession {
  readonly kind: 'tenant';
}

interface SubscriptionInfo {
  readonly id: string;
  readonly displayName: string;
  readonly state: string;
  readonly tenantId: string | undefined;
}

/** What discovery reads with: the adapter's clients, and the types a failed subscription leaves unread. */
export interface DiscoverEnv {
  readonly config: AzureConfig;
  readonly clients: AzureClients;
  readonly graph: ResourceGraph;
  readonly log: Logger;
  readonly opts: CallerOptions;
  readonly resourceTypes: readonly ResourceType[];
  /** The configured tenant, or `tenant` until a subscription names it. */
  readonly tenant: string;
}

export interface AzureDiscovery extends DiscoveryResult {
  /** The tenant as discovery learnt it (configured, or named by the first subscription). */
  readonly tenant: string;
  /** The subscriptions Resource Graph sees, in the batches its queries go by. */
  readonly batches?: GraphBatches;
}

const UNREADABLE_STATES = new Set(['disabled', 'deleted']);

export const scopeOf = (account: string, accountName?: string): Scope => ({
  provider: 'azure',
  account,
  ...(accountName ? { accountName } : {}),
  region: GLOBAL_REGION,
});

function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * The subscriptions to scan (listed or configured, in the tenant and management group, matched by
 * the globs, readable, in this shard), each marked for Resource Graph or ARM, and the Entra tenant.
 */
export async function discoverAzure(ctx: DiscoverContext, env: DiscoverEnv): Promise<AzureDiscovery> {
  const { config, clients, graph, log, opts } = env;
  let tenant = env.tenant;
  const failures: { scope: Scope; error: CollectionError; resourceTypes: readonly ResourceType[] }[] = [];
  // A subscription that cannot be read says nothing about the tenant's users.
  const subscriptionTypes = env.resourceTypes.filter((t) => t !== 'azure.entra.user' && t !== 'azure.entra.tenant-policy');
  const fail = (account: string, error: CollectionError, name?: string, resourceTypes: readonly ResourceType[] = subscriptionTypes) =>
    failures.push({ scope: scopeOf(account, name), error, resourceTypes });

  // 1. Every subscription the identity can list (one or a few calls for the tenant).
  let listed: SubscriptionInfo[];
  ctx.step?.('listing subscriptions (Microsoft.Resources/subscriptions/read)');
  try {
    const subs = await listAll(opts, { service: 'arm', operation: 'Microsoft.Resources/subscriptions/read', account: tenant }, (t, signal) =>
      clients.subscriptions().subscriptions.list({ abortSignal: signal }).byPage(t ? { continuationToken: t } : undefined),
      subscriptionsToken,
    );
    listed = subs.map((s) => ({ id: (s.subscriptionId ?? '').toLowerCase(), displayName: s.displayName ?? s.subscriptionId ?? '', state: s.state ?? 'Unknown', tenantId: s.tenantId }));
  } catch (error) {
    fail(tenant, classifyAzureError(error, 'Microsoft.Resources/subscriptions/read'), undefined, env.resourceTypes);
    return { targets: [], failures, mode: 'none', tenant };
  }
  let candidates = new Map(listed.map((s) => [s.id, s]));

  // 2. A configured list: only those, and a configured subscription we cannot read is a failure.
  if (config.subscriptions) {
    const wanted = new Map<string, SubscriptionInfo>();
    for (const raw of config.subscriptions) {
      const id = raw.toLowerCase();
      const known = candidates.get(id);
      if (known) { wanted.set(id, known); continue; }
      try {
        const s = await callAzure(opts, { service: 'arm', operation: 'Microsoft.Resources/subscriptions/read', account: id }, (signal) =>
          clients.subscriptions().subscriptions.get(id, { abortSignal: signal }),
        );
        wanted.set(id, { id, displayName: s.displayName ?? id, state: s.state ?? 'Unknown', tenantId: s.tenantId });
      } catch (error) {
        fail(id, classifyAzureError(error, 'Microsoft.Resources/subscriptions/read', { account: id }));
      }
    }
    candidates = wanted;
  }

  // 3. Tenant: a token is issued for one tenant; subscriptions of other tenants (guest access) cannot be read with it.
  if (config.tenantId) {
    const configured = config.tenantId.toLowerCase();
    for (const [id, s] of candidates) {
      if (s.tenantId && s.tenantId.toLowerCase() !== configured) {
        log.info({ subscription: id, tenant: s.tenantId }, 'subscription belongs to another tenant; skipped');
        candidates.delete(id);
      }
    }
  } else {
    const first = [...candidates.values()].find((s) => s.tenantId);
    if (first?.tenantId) tenant = first.tenantId;
  }

  // 4. Management group: Resource Graph resolves its subscriptions in one query.
  if (config.managementGroup) {
    try {
      const rows = await graph.query(opts, QUERIES.subscriptions, { managementGroups: [config.managementGroup] });
      const inGroup = new Set(rows.map((r) => String(r['subscriptionId'] ?? '').toLowerCase()));
      for (const id of candidates.keys()) if (!inGroup.has(id)) candidates.delete(id);
    } catch (error) {
      fail(`managementGroups/${config.managementGroup}`, classifyAzureError(error, 'Microsoft.ResourceGraph/resources/read'));
      return { targets: [], failures, mode: 'none', tenant };
    }
  }

  // 5. Include/exclude globs on id or name, then the state, then this shard's share.
  const match = (globs: readonly string[]) => {
    const m = globs.map((g) => picomatch(g, { nocase: true }));
    return (s: SubscriptionInfo) => m.some((f) => f(s.id) || f(s.displayName));
  };
  const included = config.include.length > 0 ? match(config.include) : () => true;
  const excluded = config.exclude.length > 0 ? match(config.exclude) : () => false;
  if (candidates.size === 0) {
    // Seeing nothing proves nothing: an identity without any grant must not scan "clean".
    fail(tenant, collectionError('NOT_FOUND', 'Microsoft.Resources/subscriptions/read', 'the identity can read no subscription: grant it Reader (or the dutyscan reader role) on the subscriptions or a management group', { provider: 'azure' }), undefined);
  }
  const selected: SubscriptionInfo[] = [];
  for (const s of candidates.values()) {
    if (!included(s) || excluded(s) || !inShard(s.id, ctx.shard)) continue;
    if (UNREADABLE_STATES.has(s.state.toLowerCase())) {
      fail(s.id, collectionError('NOT_ENABLED', 'Microsoft.Resources/subscriptions/read', `subscription is ${s.state}`, { provider: 'azure', account: s.id }), s.displayName);
      continue;
    }
    selected.push(s);
  }

  // 6. Which subscriptions Resource Graph can see: those go the bulk way, the rest through ARM.
  const { visible, note } = await probeResourceGraph(env, selected.map((s) => s.id));
  // Resource Graph says nothing about a subscription it leaves out; one ARM read tells an
  // unreadable subscription (a discovery failure: ERROR for its scope) from a readable one.
  const unreadable = new Set<string>();
  const limit = pLimit(8);
  await Promise.all(
    selected.filter((s) => !visible.has(s.id)).map((s) => limit(async () => {
      const operation = 'Microsoft.Resources/subscriptions/resourceGroups/read';
      try {
        await callAzure(opts, { service: 'arm', operation, account: s.id }, (signal) =>
          clients.resources(s.id).resourceGroups.list({ top: 1, abortSignal: signal }).byPage().next(),
        );
      } catch (error) {
        const e = classifyAzureError(error, operation, { account: s.id });
        // Only a definite "no" removes it; anything transient is left to the collectors to report.
        if (e.code === 'ACCESS_DENIED' || e.code === 'AUTH_FAILED' || e.code === 'NOT_FOUND') {
          unreadable.add(s.id);
          fail(s.id, e, s.displayName);
        }
      }
    })),
  );
  const readable = selected.filter((s) => !unreadable.has(s.id));
  const graphSubs = readable.filter((s) => visible.has(s.id)).map((s) => s.id);
  const batchList = chunk(graphSubs, config.resourceGraphBatchSize);
  const batches = new GraphBatches(graph, batchList, new Map(batchList.flatMap((b, i) => b.map((id) => [id, i] as const))));

  const targets: Target[] = readable.map((s) => ({
    provider: 'azure',
    account: s.id,
    accountName: s.displayName,
    regions: [GLOBAL_REGION],
    session: { kind: 'subscription', displayName: s.displayName, state: s.state, resourceGraph: visible.has(s.id), ...(visible.has(s.id) ? { managementGroups: visible.get(s.id)! } : {}) } satisfies SubscriptionSession,
  }));
  if (config.entra && tenant === 'tenant') {
    // Without a tenant id the MFA report has no scope to belong to: say so rather than skip it.
    fail('tenant', collectionError('NOT_FOUND', `graph:GET ${REGISTRATION_REPORT}`, 'no subscription names its tenant; set providers.azure.tenantId to read the Entra MFA report', { provider: 'azure' }), 'Entra ID tenant', ['azure.entra.user', 'azure.entra.tenant-policy']);
  }
  if (config.entra && tenant !== 'tenant' && inShard(tenant, ctx.shard)) {
    targets.push({ provider: 'azure', account: tenant, accountName: 'Entra ID tenant', regions: [GLOBAL_REGION], session: { kind: 'tenant' } satisfies TenantSession });
  }
  const unreadableNote = unreadable.size > 0 ? `; ${unreadable.size} unreadable` : '';
  const mode =
    graphSubs.length === readable.length && readable.length > 0
      ? `resource-graph (${graphSubs.length} subscriptions in ${batchList.length} ${batchList.length === 1 ? 'batch' : 'batches'}${unreadableNote})`
      : graphSubs.length === 0
        ? `arm (${[note, `${readable.length} subscriptions`].filter(Boolean).join('; ')}${unreadableNote})`
        : `resource-graph for ${graphSubs.length} of ${readable.length} subscriptions, arm for ${readable.length - graphSubs.length} not visible to Resource Graph${unreadableNote}`;
  log.info({ mode, subscriptions: readable.length, failures: failures.length }, 'azure discovery done; Resource Graph omits rows the identity may not read, so coverage is limited to what the identity can read');
  return { targets, failures, mode, tenant, batches };
}

/** Subscriptions Resource Graph answers for, each with the management groups above it; none (with the reason) when it is not used or not reachable. */
async function probeResourceGraph(env: DiscoverEnv, ids: readonly string[]): Promise<{ visible: Map<string, readonly string[]>; note?: string }> {
  const { config, graph, log, opts } = env;
  if (config.collection === 'arm') return { visible: new Map(), note: 'collection: arm' };
  if (ids.length === 0) return { visible: new Map() };
  const visible = new Map<string, readonly string[]>();
  try {
    for (const batch of chunk(ids, config.resourceGraphBatchSize)) {
      const rows = await graph.query(opts, QUERIES.subscriptions, { subscriptions: batch });
      for (const r of rows) visible.set(String(r['subscriptionId'] ?? '').toLowerCase(), ancestors(r['managementGroups']));
    }
    return { visible };
  } catch (error) {
    const e = classifyAzureError(error, 'Microsoft.ResourceGraph/resources/read');
    log.warn({ error: e }, 'Resource Graph is not available; collecting through the per-service ARM clients');
    return { visible: new Map(), note: `Resource Graph unavailable: ${e.code}` };
  }
}

/** `managementGroupAncestorsChain` (`[{ name, displayName }]`, nearest first) -> the names, lower case. */
const ancestors = (chain: unknown): string[] =>
  Array.isArray(chain) ? chain.map((g) => (g && typeof g === 'object' ? String((g as Record<string, unknown>)['name'] ?? '') : '').toLowerCase()).filter(Boolean) : [];

import type { Logger } from 'pino';
import type { Listing } from './inventory.js';
import type { CollectionError, ProviderId } from './observed.js';
import type { ResourceType, Scope } from './resource.js';

/** One account (AWS account, Azure subscription, GCP project) to collect, with its regions. */
export interface Target {
  readonly provider: ProviderId;
  readonly account: string;
  readonly accountName?: string;
  readonly regions: readonly string[];
  /** Adapter-private state (assumed-role credentials, clients): never serialised or logged. */
  readonly session?: unknown;
}

/** A target as another process of the scan receives it: plain data, its session left behind. */
export interface PortableTarget extends Omit<Target, 'session'> {
  /** What the adapter's `portable` kept, besides the config, to make the session again: never a secret. */
  readonly state: unknown;
}

export interface DiscoveryResult {
  readonly targets: readonly Target[];
  /** Accounts found but not readable (role not assumable, subscription disabled): ERROR results. */
  readonly failures: readonly {
    readonly scope: Scope;
    readonly error: CollectionError;
    /** The types this kind of scope holds (a subscription, not its tenant); every type if absent. */
    readonly resourceTypes?: readonly ResourceType[];
  }[];
  /** How the adapter collected, for the summary (e.g. "resource-graph" or "arm-fallback"). */
  readonly mode?: string;
}

export interface ApiOperation {
  readonly service: string;
  /** The API operation as the provider names it (`DescribeSecurityGroups`). */
  readonly operation: string;
  readonly account?: string;
  readonly region?: string;
}

/**
 * The one path every cloud API call takes: rate limited per (provider, account, region, service),
 * capped per account, counted in the scan result, and cancelled with the scan.
 */
export interface ApiCaller {
  call<T>(op: ApiOperation, fn: (signal: AbortSignal) => Promise<T>): Promise<T>;
  /** Record a retry the SDK made (throttling or transient failure), for metrics and the summary. */
  retried(op: ApiOperation, reason: string): void;
}

export interface TaskContext {
  readonly api: ApiCaller;
  readonly signal: AbortSignal;
  readonly log: Logger;
}

/**
 * A unit of collection the engine schedules: one service in one region of one target. It must
 * return exactly one listing per declared type for its scope (an error listing when it could not
 * list), so the engine knows when every type a check needs is complete.
 */
export interface CollectTask {
  readonly service: string;
  readonly region: string;
  readonly types: readonly ResourceType[];
  run(ctx: TaskContext): Promise<readonly Listing[]>;
}

export interface DiscoverContext {
  readonly api: ApiCaller;
  readonly signal: AbortSignal;
  readonly log: Logger;
  /** `--shard i/n`: keep only the accounts this shard owns. */
  readonly shard?: { readonly index: number; readonly count: number };
  /** What discovery is waiting for now ("assuming roles 12/50"), for the progress line. */
  readonly step?: (activity: string) => void;
}

export interface ProviderAdapter {
  readonly id: ProviderId;
  /**
   * Every resource type the adapter can collect. A type it collects, but not in a given target
   * (users live in the tenant, not in a subscription), does not apply to that target; a type
   * missing here is reported as uncollected wherever a check needs it.
   */
  readonly resourceTypes?: readonly ResourceType[];
  discover(ctx: DiscoverContext): Promise<DiscoveryResult>;
  /** The tasks that collect `types` for one target. */
  tasks(target: Target, types: ReadonlySet<ResourceType>): readonly CollectTask[];
  /** Turn anything a task threw into a coded error (SDK error shapes differ per provider). */
  classifyError(error: unknown, operation: string): CollectionError;
  /**
   * `--workers`: what a worker process needs, with the config, to collect a target discovery
   * found (`resume` there). An adapter without both collects its targets in the scan's own process.
   */
  portable?(target: Target): PortableTarget;
  /** The target `portable` described, its session made again in this process (credentials obtained here, never sent). */
  resume?(target: PortableTarget, api: ApiCaller): Target;
}

import type { SecurityHubClientConfig } from '@aws-sdk/client-securityhub';
import type { BatchingOptions, Sink, SinkReport } from './batching.js';
import { sinkNames, type SinkConfig } from './config.js';
import { createHecSink } from './hec.js';
import { createSecurityHubSink } from './securityhub.js';
import { createSyslogSink } from './syslog.js';
import { createWebhookSink } from './webhook.js';

export type { Sink, SinkReport } from './batching.js';
export { sinksSchema, type SinkConfig } from './config.js';

export interface SinkContext {
  readonly contract?: { readonly id: string; readonly title: string } | undefined;
  readonly scanId?: string | undefined;
  /** Relative spool directories resolve against this (the config file's directory). */
  readonly baseDir?: string;
  readonly log?: BatchingOptions['log'];
  /** Replay earlier runs' spooled batches when the sinks start (default true). */
  readonly replay?: boolean;
  /** For tests: extra Security Hub client settings (credentials). */
  readonly securityHubClient?: Partial<SecurityHubClientConfig>;
}

/** A relative spool directory is relative to the config file, for scan, flush and status alike. */
export function spoolDir(config: SinkConfig, baseDir: string | undefined): string {
  return baseDir && !config.spool.dir.startsWith('/') ? `${baseDir}/${config.spool.dir}` : config.spool.dir;
}

function batchingOptions(config: SinkConfig, context: SinkContext): BatchingOptions {
  const dir = spoolDir(config, context.baseDir);
  return {
    batchSize: config.batchSize,
    flushMs: config.flushMs,
    concurrency: config.concurrency,
    maxQueuedBatches: config.maxQueuedBatches,
    closeTimeoutMs: config.closeTimeoutMs,
    retry: config.retry,
    spool: { dir, maxBytes: config.spool.maxBytes },
    statuses: config.statuses,
    includeMuted: config.includeMuted,
    ...(context.replay === false ? { replay: false } : {}),
    ...(context.log ? { log: context.log } : {}),
  };
}

/** One sink per configured entry; each replays its spool from earlier runs as it starts. */
export function createSinks(configs: readonly SinkConfig[], context: SinkContext = {}): Sink[] {
  const names = sinkNames(configs);
  const ctx = { contract: context.contract, scanId: context.scanId };
  return configs.map((config, i) => {
    const name = names[i] as string;
    const batching = batchingOptions(config, context);
    switch (config.type) {
      case 'hec': return createHecSink(name, config, batching, ctx);
      case 'syslog': return createSyslogSink(name, config, batching, ctx);
      case 'webhook': return createWebhookSink(name, config, batching, ctx);
      case 'securityhub': return createSecurityHubSink(name, config, batching, context.securityHubClient ?? {});
    }
  });
}

/** Fans one finding stream out to every sink; close() gathers their reports by sink name. */
export class SinkSet {
  constructor(readonly sinks: readonly Sink[]) {}

  write(finding: Parameters<Sink['write']>[0]): void {
    for (const s of this.sinks) s.write(finding);
  }

  async close(options: { now?: boolean } = {}): Promise<Record<string, SinkReport>> {
    const reports = await Promise.all(this.sinks.map(async (s) => [s.name, await s.close(options)] as const));
    return Object.fromEntries(reports);
  }
}

/** ScanSummary.undelivered: findings of this scan each sink spooled or lost. */
export function undelivered(reports: Record<string, SinkReport>): Record<string, number> {
  return Object.fromEntries(Object.entries(reports).filter(([, r]) => r.spooled + r.failed > 0).map(([n, r]) => [n, r.spooled + r.failed]));
}

/** ScanSummary.unconfirmed: findings of this scan sent where delivery cannot be confirmed (UDP), by sink; absent when none. */
export function unconfirmed(reports: Record<string, SinkReport>): { unconfirmed?: Record<string, number> } {
  const sent = Object.entries(reports).filter(([, r]) => r.unconfirmed > 0);
  return sent.length > 0 ? { unconfirmed: Object.fromEntries(sent.map(([n, r]) => [n, r.unconfirmed])) } : {};
}

/** `dutyscan sinks flush`: replay every sink's spool now, nothing new. */
export async function flushSpools(configs: readonly SinkConfig[], context: SinkContext = {}): Promise<Record<string, SinkReport>> {
  return new SinkSet(createSinks(configs, { ...context, replay: true })).close();
}

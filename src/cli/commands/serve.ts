import { dirname } from 'node:path';
import type { Command } from 'commander';
import type { Logger } from 'pino';
import { loadConfig, validateCheckSettings } from '../../config/load.js';
import type { Listing } from '../../core/inventory.js';
import { demoSource } from '../../demo/index.js';
import { readInventory } from '../../inventory/file.js';
import { loadCatalog } from '../../mapping/catalog.js';
import { demoAttestations } from '../../demo/attestations.js';
import { serviceSchema, type ServiceConfig } from '../../service/config.js';
import { engineScanFn } from '../../service/engine-scan.js';
import { ServiceMetrics } from '../../service/metrics.js';
import { ScanCoordinator, Scheduler, type Publisher } from '../../service/scheduler.js';
import { createSinks, SinkSet, type SinkConfig } from '../../sinks/index.js';
import { whyNotLoopback } from '../../service/loopback.js';
import { buildServer, loadTokens, registryFormats } from '../../service/server.js';
import { openStore } from '../../store/index.js';
import { createLogger } from '../../util/log.js';
import { allChecks } from '../../../checks/index.js';
import { EXIT } from '../exit.js';
import { mutesInForce, storeOverride } from '../store.js';
import { contractFor, logLevel } from '../inputs.js';
import { UsageError, selectChecks } from '../select.js';

interface ServeFlags {
  config?: string;
  contract?: string;
  host?: string;
  port?: string;
  store?: string;
  demo?: boolean;
  inventory?: string;
  logLevel?: string;
}

function parsePort(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port takes 0-65535, got "${value}"`);
  return port;
}

/**
 * Each scan opens the configured sinks (replaying their spools), feeds them every recorded finding
 * or, changes-only, the findings that moved (new, regressed, resolved, muted, mute expired), and
 * closes them when the scan is recorded; their reports feed the sink metrics.
 */
export function publisherFor(
  sinks: readonly SinkConfig[],
  changesOnly: boolean,
  context: { contract: { id: string; title: string }; baseDir: string | undefined; log: Logger; metrics: ServiceMetrics },
): ((scanId: string) => Publisher) | undefined {
  if (sinks.length === 0) return undefined;
  return (scanId) => {
    const set = new SinkSet(createSinks(sinks, { contract: context.contract, scanId, log: (level, message, fields) => context.log[level]({ ...fields, scanId }, message), ...(context.baseDir ? { baseDir: context.baseDir } : {}) }));
    return {
      ...(changesOnly ? { change: (e) => set.write(e.finding) } : { finding: (f) => set.write(f) }),
      close: async (options) => {
        for (const [name, r] of Object.entries(await set.close(options))) {
          context.metrics.sinkDelivered(name, r.delivered + r.replayed);
          context.metrics.sinkFailed(name, r.spooled + r.failed);
          context.metrics.spoolSize(name, r.backlog);
        }
      },
    };
  };
}

/** Runs until SIGTERM/SIGINT; returns the exit code. `ready` hears the bound address (tests, logs). */
export async function serveCommand(flags: ServeFlags, signals: NodeJS.EventEmitter = process): Promise<number> {
  const log: Logger = createLogger(logLevel(flags.logLevel, 'info'));
  const loaded = loadConfig(flags.config);
  const { config, file } = loaded;
  validateCheckSettings(loaded, allChecks);
  const service: ServiceConfig = config.service ?? serviceSchema.parse({});
  const catalog = loadCatalog();
  const contract = contractFor(catalog, flags.contract, loaded);
  if (flags.demo && flags.inventory) throw new UsageError('--demo and --inventory both name what to evaluate: choose one');
  const saved: readonly Listing[] | undefined = flags.inventory ? await readInventory(flags.inventory) : undefined;
  const source = flags.demo ? demoSource : saved ? () => ({ kind: 'inventory' as const, listings: saved }) : undefined;
  const host = flags.host ?? service.api.host;
  const port = parsePort(flags.port) ?? service.api.port;
  const tokens = loadTokens(service.api);
  const exposed = tokens.length === 0 ? await whyNotLoopback(host) : undefined;
  if (exposed) throw new UsageError(`serve: no API token (set ${service.api.tokenEnv} or service.api.tokenFile); without one the API only binds to loopback, and ${exposed}`);

  const store = await openStore(storeOverride(flags.store, service));
  const abandoned = await store.abandonRunningScans('the service stopped before the scan finished', new Date().toISOString());
  if (abandoned > 0) log.warn({ scans: abandoned }, 'scans left running by a previous process recorded as interrupted');

  const metrics = new ServiceMetrics({ storeSize: () => store.sizeBytes(), overdueFindings: () => store.countOverdue(new Date().toISOString()) });
  const coordinator = new ScanCoordinator({
    store,
    log,
    metrics,
    retentionDays: service.retentionDays,
    keepFindings: service.keepFindings,
    maxQueued: service.maxQueuedScans,
    scan: engineScanFn({
      config, checks: selectChecks(allChecks, {}, config), catalog, contract, log, source,
      // The demo brings its own sign-offs, as `scan --demo` does; the store holds those POSTed.
      attestations: async (now) => [...(flags.demo ? demoAttestations(now) : []), ...(await store.listAttestations())],
    }),
    mutes: (now) => mutesInForce(config.mutelist, now),
    publisher: publisherFor(config.sinks, service.sinks.changesOnly, { contract, baseDir: file === '(defaults)' ? undefined : dirname(file), log, metrics }),
  });
  const scheduler = new Scheduler(service.schedules, coordinator, { log, metrics });

  let app;
  try {
    app = await buildServer({
      coordinator,
      store,
      metrics,
      schedules: service.schedules,
      tokens,
      log,
      host,
      ...registryFormats(),
      nextRuns: () => scheduler.nextRuns(),
      cursorKey: process.env[service.api.cursorKeyEnv] || undefined,
      attestations: { obligations: catalog.obligations, contract },
    });
    await app.listen({ host, port });
  } catch (e) {
    await store.close();
    // An address that does not resolve, is in use or is not ours is the user's to fix.
    const code = (e as NodeJS.ErrnoException).code;
    if (code && ['ENOTFOUND', 'EAI_AGAIN', 'EADDRINUSE', 'EADDRNOTAVAIL', 'EACCES'].includes(code)) {
      throw new UsageError(`cannot listen on ${host}:${port}: ${(e as Error).message}`);
    }
    throw e;
  }
  const address = app.server.address();
  log.info({ address, schedules: service.schedules.map((s) => s.name), store: store.kind }, 'dutyscan serve: listening');
  scheduler.start();

  const signal = await new Promise<string>((resolve) => {
    signals.once('SIGTERM', () => resolve('SIGTERM'));
    signals.once('SIGINT', () => resolve('SIGINT'));
  });
  log.info({ signal }, 'stopping: no new scans; the running scan is aborted and recorded as interrupted');
  scheduler.stop();
  await coordinator.stop({ graceMs: service.shutdownGraceSeconds * 1000 });
  await app.close();
  await store.close();
  log.info('stopped');
  return EXIT.OK;
}

export function registerServeCommand(program: Command, done: (exitCode: number) => void = () => undefined): void {
  program
    .command('serve')
    .description('run scheduled scans, keep their history and drift, and serve the HTTP API with metrics')
    .option('-c, --config <file>', 'YAML config file with a service section (default: $DUTYSCAN_CONFIG)')
    .option('--contract <name|file>', 'contract profile: a bundled id or a profile file')
    .option('--host <host>', 'listen address (default: service.api.host, 127.0.0.1)')
    .option('--port <port>', 'listen port (default: service.api.port, 8080)')
    .option('--store <store>', 'history store: sqlite:PATH or postgres (default: service.store)')
    .option('--demo', 'scan the embedded demo organisation instead of live clouds')
    .option('--inventory <file>', 'scan a saved inventory instead of live clouds')
    .option('--log-level <level>', 'pino level for the JSON logs on stderr (default: info)')
    .action(async (flags: ServeFlags) => {
      const code = await serveCommand(flags);
      done(code);
      // Everything is closed and recorded: a socket a cloud SDK left open must not keep the pod in Terminating.
      setTimeout(() => process.exit(code), 3_000).unref();
    });
}

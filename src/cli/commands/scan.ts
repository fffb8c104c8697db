import { join } from 'node:path';
import type { Command } from 'commander';
import type { Finding } from '../../core/finding.js';
import type { Listing, OfflineSource } from '../../core/inventory.js';
import type { ProviderId } from '../../core/observed.js';
import type { ScanSummary } from '../../core/summary.js';
import { loadConfig, validateCheckSettings } from '../../config/load.js';
import { PROVIDER_IDS, descriptor, providerConfig } from '../../../providers/index.js';
import type { Config } from '../../config/schema.js';
import { demoSource } from '../../demo/index.js';
import { demoAttestations } from '../../demo/attestations.js';
import { loadAttestations } from '../../attestation/load.js';
import { runScan } from '../../engine/scan.js';
import { RUN_SPAN, Trace, chromeTrace } from '../../engine/trace.js';
import { PRIVATE_FILE_MODE } from '../../util/private-files.js';
import { writeFileSync } from 'node:fs';
import { InventoryWriter, readInventory } from '../../inventory/file.js';
import { loadCatalog } from '../../mapping/catalog.js';
import { unreviewedWarning } from '../../mapping/profile.js';
import { formatter } from '../../output/registry.js';
import { tableFormatter } from '../../output/table.js';
import { OutputWriter } from '../../output/writer.js';
import { createLogger } from '../../util/log.js';
import { SinkSet, createSinks, unconfirmed, undelivered } from '../../sinks/index.js';
import { dirname } from 'node:path';
import { allChecks } from '../../../checks/index.js';
import { ProgressLine } from '../progress.js';
import { terminalWidth, useColor } from '../terminal.js';
import { contractFor, directoryToWrite, fileToWrite, logLevel, outputFormats } from '../inputs.js';
import { DUTIES, SEVERITIES, UsageError, list, parseEnum, selectChecks } from '../select.js';
import { exitCodeFor } from '../exit.js';
import { scanHelp } from '../help.js';
import { openEvidence } from './evidence.js';
import { RUN_ID, recordShard } from '../../service/run.js';
import { openStore } from '../../store/index.js';
import { mutesInForce, storeOverride } from '../store.js';

interface ScanFlags {
  provider?: string[];
  config?: string;
  contract?: string;
  checks?: string[];
  excludeChecks?: string[];
  duty?: string[];
  minSeverity?: string;
  format?: string[];
  outputDir?: string;
  failOn?: string;
  inventory?: string;
  saveInventory?: string;
  demo?: boolean;
  shard?: string;
  runId?: string;
  store?: string;
  workers?: string;
  logLevel?: string;
  progress: boolean;
  details?: boolean;
  quiet?: boolean;
  evidence?: string;
  signKey?: string;
  attestations?: string;
  trace?: string;
  /** Each provider's own options (descriptor `flags`), read by its `applyFlags`. */
  [providerFlag: string]: unknown;
}

/** `a, b and c` */
const sentence = (items: readonly string[]): string => (items.length > 1 ? `${items.slice(0, -1).join(', ')} and ${items.at(-1)}` : items.join(''));

/**
 * Each provider's flags for ad hoc runs override the config file's `providers.<id>`; offline, they
 * would be silently ignored. List options take commas too (`--regions a,b`).
 */
function withProviderFlags(config: Config, flags: ScanFlags): Config {
  const values = Object.fromEntries(Object.entries(flags).map(([k, v]) => [k, Array.isArray(v) ? list(v as string[]) : v]));
  let providers = config.providers;
  for (const id of PROVIDER_IDS) {
    const provider = descriptor(id);
    const applied = provider.applyFlags(providerConfig(config, id), values);
    if (applied === undefined) continue;
    if (flags.demo || flags.inventory) {
      const names = provider.flags.map((f) => f.flags.split(' ')[0] ?? f.flags);
      throw new UsageError(`${sentence(names)} choose what to collect from ${provider.title}; --demo and --inventory collect nothing`);
    }
    providers = { ...providers, [id]: applied };
  }
  return providers === config.providers ? config : { ...config, providers };
}

function parseShard(value: string | undefined): { index: number; count: number } | undefined {
  if (value === undefined) return undefined;
  const m = /^(\d+)\/(\d+)$/.exec(value);
  const index = Number(m?.[1]);
  const count = Number(m?.[2]);
  if (!m || count < 1 || index >= count) throw new UsageError(`--shard takes i/n with 0 <= i < n (e.g. 0/4), got "${value}"`);
  return { index, count };
}

function parseWorkers(value: string | undefined): number {
  // One process unless asked: on the 2-core bench machine, two workers were not yet faster (medium
  // organisation 24.7 s -> 27.9 s) and each worker holds its own SDKs and checks (~430 MB RSS).
  if (value === undefined) return 1;
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new UsageError(`--workers takes a whole number of processes, 1 or more, got "${value}"`);
  return Number(value);
}

function providersFor(flags: ScanFlags, config: Config, source: readonly Listing[] | undefined): ProviderId[] {
  const explicit = parseEnum('provider', list(flags.provider), PROVIDER_IDS);
  if (explicit.length > 0) return explicit;
  if (source) return PROVIDER_IDS.filter((p) => source.some((l) => l.scope.provider === p));
  const configured = PROVIDER_IDS.filter((p) => config.providers[p] && config.providers[p].enabled !== false);
  if (configured.length === 0) throw new UsageError(`no provider to scan: pass --provider ${PROVIDER_IDS.join('|')}, configure providers in --config, or try --demo`);
  return configured;
}

/** Every option is validated before the first byte of output: a mistake never leaves half a report. */
export async function scanCommand(flags: ScanFlags): Promise<number> {
  const log = createLogger(logLevel(flags.logLevel, 'warn'));
  const loaded = loadConfig(flags.config);
  const config = withProviderFlags(loaded.config, flags);
  validateCheckSettings(loaded, allChecks);
  const catalog = loadCatalog();
  const contract = contractFor(catalog, flags.contract, loaded);
  const unreviewed = unreviewedWarning(contract);
  if (unreviewed) process.stderr.write(`${unreviewed}\n`);

  if (flags.demo && flags.inventory) throw new UsageError('--demo and --inventory both name what to evaluate: choose one');
  const now = new Date();
  const source: (OfflineSource & { listings: readonly Listing[] }) | undefined = flags.demo
    ? demoSource(now)
    : flags.inventory
      ? { kind: 'inventory', listings: await readInventory(flags.inventory) }
      : undefined;
  const providers = providersFor(flags, config, source?.listings);
  const checks = selectChecks(allChecks, {
    checks: list(flags.checks),
    excludeChecks: list(flags.excludeChecks),
    duties: parseEnum('duty', list(flags.duty), DUTIES),
    ...(flags.minSeverity ? { minSeverity: parseEnum('severity', [flags.minSeverity], SEVERITIES)[0]! } : {}),
    providers,
  }, config);
  if (checks.length === 0) throw new UsageError('the selection leaves no check to run; see: dutyscan checks list');
  const failOn = flags.failOn ? parseEnum('severity', [flags.failOn], SEVERITIES)[0]! : config.outputs.failOn;
  const shard = parseShard(flags.shard);
  // In a Kubernetes Indexed Job the manifests set DUTYSCAN_RUN_ID to the Job's name: every pod of it, one run.
  const runId = flags.runId ?? (process.env.DUTYSCAN_RUN_ID || undefined);
  if (runId !== undefined && !RUN_ID.test(runId)) throw new UsageError(`--run-id takes letters, digits and . _ : - (at most 100, e.g. the Job's name), got "${runId}"`);
  if (flags.store !== undefined && runId === undefined) throw new UsageError('--store says where to record a run: give --run-id (or set DUTYSCAN_RUN_ID) too');
  const storeConfig = runId === undefined ? undefined : storeOverride(flags.store, config.service);
  const workers = parseWorkers(flags.workers);
  const evidence = openEvidence(flags);
  const attestationsFile = flags.attestations ?? loaded.config.attestations;
  const attestations = [
    ...(flags.demo ? demoAttestations(now) : []),
    ...(attestationsFile ? loadAttestations(attestationsFile, catalog.obligations, now) : []),
  ];

  const formats = outputFormats(flags.format, loaded);
  const outputDir = flags.outputDir ?? config.outputs.dir;
  if (formats.length > 1 && !outputDir) throw new UsageError('several --format values need --output-dir (each format gets its own file)');
  if (flags.saveInventory) fileToWrite('--save-inventory', flags.saveInventory);
  if (flags.trace) fileToWrite('--trace', flags.trace);
  const trace = flags.trace ? new Trace() : undefined;
  if (outputDir) directoryToWrite(flags.outputDir ? '--output-dir' : 'outputs.dir', outputDir);
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  const writers: OutputWriter[] = [];
  const terminalView = { color: useColor(), width: terminalWidth(), details: flags.details === true, quiet: flags.quiet === true };
  for (const id of formats.length > 0 ? formats : ['table']) {
    const f = id === 'table' && !outputDir ? tableFormatter(terminalView) : formatter(id, { contract: { id: contract.id, title: contract.title } });
    writers.push(outputDir ? OutputWriter.toFile(f, join(outputDir, `dutyscan-${stamp}.${f.extension}`)) : new OutputWriter(f, process.stdout));
  }
  // With files as outputs, the terminal still gets the human summary.
  const terminal = outputDir && process.stdout.isTTY ? tableFormatter({ ...terminalView, quiet: true }) : undefined;

  const inventoryWriter = flags.saveInventory ? new InventoryWriter(flags.saveInventory, `dutyscan scan --provider ${providers.join(',')}`) : undefined;

  // SIEM sinks consume the same stream, batched in the background; what they cannot deliver is spooled.
  const sinks = new SinkSet(createSinks(config.sinks, {
    contract: { id: contract.id, title: contract.title },
    ...(flags.config ? { baseDir: dirname(flags.config) } : {}),
    log: (level, message, fields) => log[level](fields ?? {}, message),
  }));
  const progress = new ProgressLine();
  const controller = new AbortController();
  const onSignal = () => controller.abort(new Error('interrupted'));
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const store = storeConfig ? await openStore(storeConfig) : undefined;
  const scan = (signal: AbortSignal, record?: (finding: Finding) => Promise<void>) =>
    runScan(
      {
        config,
        providers,
        checks,
        catalog,
        contract,
        ...(source ? { source } : {}),
        now,
        signal,
        log,
        ...(shard ? { shard } : {}),
        workers,
        ...(inventoryWriter ? { onListing: (l: Listing) => inventoryWriter.write(l) } : {}),
        ...(flags.progress ? { onProgress: (p) => progress.update(p) } : {}),
        ...(evidence ? { recordReads: true } : {}),
        attestations,
        ...(trace ? { trace } : {}),
      },
      async (finding: Finding, reads) => {
        sinks.write(finding);
        // Every file takes the finding in the same step, so all of them list findings in one order.
        await Promise.all([...writers.map((w) => w.write(finding)), evidence?.write(finding, reads), record?.(finding)]);
      },
    );
  for (const w of writers) await w.begin();
  let summary: ScanSummary;
  try {
    summary = store && runId
      ? (await recordShard(
          {
            store, log, runId, shard: shard ?? { index: 0, count: 1 }, providers, signal: controller.signal,
            context: { checks: checks.map((c) => c.id), contract, attestations, now: now.toISOString() },
            mutes: mutesInForce(config.mutelist, now),
          },
          (emit, signal) => scan(signal, emit),
        )).summary
      : await scan(controller.signal);
  } catch (e) {
    await sinks.close().catch(() => undefined); // spool what was queued before the failure
    throw e;
  } finally {
    await store?.close();
    progress.clear();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
  const output = trace?.begin('output', 'outputs and sinks', RUN_SPAN);
  const reports = await sinks.close();
  summary = { ...summary, undelivered: undelivered(reports), ...unconfirmed(reports) };
  for (const w of writers) await w.close(summary);
  await inventoryWriter?.close();
  output?.close();
  if (trace && flags.trace) {
    writeFileSync(flags.trace, JSON.stringify(chromeTrace(trace.finish('dutyscan scan'))), { mode: PRIVATE_FILE_MODE });
    process.stderr.write(`wrote trace ${flags.trace} (${trace.spans.length} spans; open in https://ui.perfetto.dev)\n`);
  }
  if (terminal) process.stdout.write(terminal.end(summary));
  if (runId) process.stderr.write(`recorded shard ${shard?.index ?? 0}/${shard?.count ?? 1} of run ${runId} (dutyscan report --run ${runId})\n`);
  for (const w of writers) if (w.path) process.stderr.write(`wrote ${w.path}\n`);
  if (evidence) {
    const written = await evidence.close(summary);
    const signed = written.publicKeySha256 ? `, manifest signed by Ed25519 key sha256:${written.publicKeySha256}` : ', manifest not signed';
    process.stderr.write(`wrote evidence ${evidence.dir} (${written.findings} findings, ${written.bytes} bytes${signed})\n`);
  }
  return exitCodeFor(summary, failOn);
}

export function registerScanCommand(program: Command, done: (exitCode: number) => void): void {
  const scan = program
    .command('scan')
    .description('scan live accounts (or a saved inventory, or the embedded demo) and report which duties are met')
    .option('-p, --provider <provider...>', `${PROVIDER_IDS.join(', ')} (repeatable or comma-separated)`)
    .option('-c, --config <file>', 'YAML config file (default: $DUTYSCAN_CONFIG)')
    .option('--contract <name|file>', 'contract profile: a bundled id or a profile file')
    .option('--checks <ids...>', 'only these checks (ids or globs such as aws-iam-*)')
    .option('--exclude-checks <ids...>', 'leave these checks out (ids or globs)')
    .option('--duty <duties...>', `only checks of these duties: ${DUTIES.join(', ')}`)
    .option('--min-severity <severity>', `only checks at or above: ${SEVERITIES.join(', ')}`)
    .option('-f, --format <formats...>', 'json, jsonl, table and the report formats (repeatable; with --output-dir)')
    .option('-o, --output-dir <dir>', 'write one file per format here')
    .option('--fail-on <severity>', 'exit 3 (5 if incomplete) when a failing finding is at or above this severity (default: low)')
    .option('--inventory <file>', 'evaluate a saved inventory offline instead of collecting')
    .option('--save-inventory <file>', 'save what was collected, to evaluate again with --inventory')
    .option('--demo', 'evaluate the embedded demo organisation (no cloud credentials needed)')
    .option('--shard <i/n>', 'scan only the accounts of shard i of n (stable partition; of the demo or inventory too)')
    .option('--run-id <id>', 'record the scan in the history store as shard --shard of this run (default: $DUTYSCAN_RUN_ID); see: dutyscan report --run')
    .option('--store <store>', 'history store for --run-id: sqlite:PATH or postgres (URL from $DUTYSCAN_DATABASE_URL; default: service.store)')
    .option('--workers <n>', `collect the accounts in n processes, each account always in the same one (default 1: this process)`)
    .option('--log-level <level>', 'pino level for the JSON logs on stderr (default: warn)')
    .option('--no-progress', 'no live progress line on a terminal')
    .option('--details', 'table: every resource of each group, not only the first few')
    .option('-q, --quiet', 'table: the summary only (the exit code says the rest)');
  for (const id of PROVIDER_IDS) for (const f of descriptor(id).flags) scan.option(f.flags, f.description);
  scan
    .option('--evidence <dir>', 'write per-finding evidence (the facts each check read) and a SHA-256 manifest to this new directory')
    .option('--sign-key <file>', 'sign the evidence manifest with this Ed25519 private key (PEM)')
    .option('--attestations <file>', 'sign-offs for obligations no API can prove (YAML; valid 90 days unless the contract profile says otherwise)')
    .option('--trace <file>', 'write where the scan spent its time as Chrome trace-event JSON (Perfetto), and its timing and critical path to the summary')
    .addHelpText('after', scanHelp())
    .action(async (flags: ScanFlags) => {
      done(await scanCommand(flags));
    });
}

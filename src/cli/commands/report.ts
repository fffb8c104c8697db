import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import type { Finding } from '../../core/finding.js';
import type { ScanSummary, StatusCounts } from '../../core/summary.js';
import { emptyCounts } from '../../engine/tally.js';
import { formatter, formatters } from '../../output/registry.js';
import { OutputWriter } from '../../output/writer.js';
import { fileToWrite } from '../inputs.js';
import { UsageError, parseEnum } from '../select.js';
import { EXIT } from '../exit.js';
import { loadConfig } from '../../config/load.js';
import { loadCatalog } from '../../mapping/catalog.js';
import { missingText, runFindings, runStatus, runSummary } from '../../service/run.js';
import { openStore } from '../../store/index.js';
import { storeOverride } from '../store.js';

export interface ScanDocument {
  readonly scan: ScanSummary;
  readonly findings: readonly Finding[];
}

/** Reads a saved `json` scan document; key order does not matter (findings may come first). */
export function readScanDocument(file: string): ScanDocument {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read ${file}: ${(e as Error).message}`);
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new UsageError(`${file} is not JSON (${(e as Error).message}); expected a document written by: dutyscan scan --format json`);
  }
  const d = doc as Partial<ScanDocument> | null;
  const scan = d?.scan as Partial<ScanSummary> | undefined;
  if (!d || typeof d !== 'object' || !Array.isArray(d.findings) || !scan || typeof scan !== 'object' || !scan.contract || !scan.counts) {
    throw new UsageError(`${file} is not a dutyscan scan document: expected {"scan": {...}, "findings": [...]} as written by --format json`);
  }
  d.findings.forEach((f, i) => {
    if (!f || typeof f !== 'object' || typeof f.id !== 'string' || !f.check || !f.resource || typeof f.status !== 'string') {
      throw new UsageError(`${file}: findings[${i}] is not a finding`);
    }
  });
  return { findings: d.findings, scan: withNotAssessed(d.scan as ScanSummary) };
}

/** A document saved before NOT_ASSESSED existed reads as one with none: zero counts, no setting left empty. */
function withNotAssessed(scan: ScanSummary): ScanSummary {
  const counts = (c: StatusCounts): StatusCounts => ({ ...emptyCounts(), ...c });
  return {
    ...scan,
    counts: { ...scan.counts, byStatus: counts(scan.counts.byStatus), byDuty: Object.fromEntries(Object.entries(scan.counts.byDuty).map(([d, c]) => [d, counts(c)])) },
    obligations: scan.obligations.map((o) => ({ ...o, counts: counts(o.counts), notAssessed: o.notAssessed ?? [] })),
    clauses: scan.clauses.map((c) => ({ ...c, counts: counts(c.counts), notAssessed: c.notAssessed ?? [] })),
    notAssessed: scan.notAssessed ?? {},
  };
}

interface ReportFlags { scan?: string; run?: string; store?: string; config?: string; format: string; output?: string }

/** A scan to render: its summary, and its findings (read once to render). */
interface Rendered {
  readonly summary: ScanSummary;
  readonly findings: Iterable<Finding> | AsyncIterable<Finding>;
}

export async function reportCommand(flags: ReportFlags): Promise<number> {
  parseEnum('format', [flags.format], [...formatters.keys()]);
  if ((flags.scan === undefined) === (flags.run === undefined)) throw new UsageError('give either --scan FILE (a saved scan document) or --run ID (a run in the history store)');
  if (flags.store !== undefined && flags.run === undefined) throw new UsageError('--store is where --run looks: give --run ID too');
  if (flags.output) fileToWrite('--output', flags.output);
  if (flags.scan !== undefined) {
    const { scan, findings } = readScanDocument(flags.scan);
    await render(flags, { summary: scan, findings });
    return EXIT.OK;
  }
  const store = await openStore(storeOverride(flags.store, loadConfig(flags.config).config.service));
  try {
    const id = flags.run!;
    const shards = await store.runShards(id);
    if (shards.length === 0) throw new UsageError(`no run "${id}" in the ${store.kind} history store (dutyscan scan --run-id records one)`);
    const status = runStatus(id, shards);
    if (!status.complete) {
      process.stderr.write(`dutyscan: run ${id} is incomplete: ${status.count - status.missing.length} of ${status.count} shards reported; not reported: ${missingText(status)}\n`);
      return EXIT.INCOMPLETE;
    }
    const summary = await runSummary(store, status, shards, loadCatalog());
    await render(flags, { summary, findings: runFindings(store, shards.map((s) => s.scanId)) });
    const drift = Object.entries(status.drift).map(([change, n]) => `${n} ${change}`).join(', ');
    process.stderr.write(`run ${id}: ${status.count} shards, ${summary.findings} findings; drift since each shard's previous scan: ${drift || 'none'}\n`);
    return EXIT.OK;
  } finally {
    await store.close();
  }
}

async function render(flags: ReportFlags, { summary, findings }: Rendered): Promise<void> {
  const f = formatter(flags.format, { contract: summary.contract, scanId: summary.id });
  const writer = flags.output ? OutputWriter.toFile(f, flags.output) : new OutputWriter(f, process.stdout);
  await writer.begin();
  for await (const finding of findings) await writer.write(finding);
  await writer.close(summary);
  if (flags.output) process.stderr.write(`wrote ${flags.output}\n`);
}

export function registerReportCommand(program: Command, done: (exitCode: number) => void = () => {}): void {
  program
    .command('report')
    .description('render a saved scan (written by: dutyscan scan --format json), or a run of several shards from the history store, in any format')
    .option('--scan <file>', 'the saved scan document ({"scan": ..., "findings": [...]})')
    .option('--run <id>', 'the run recorded by: dutyscan scan --run-id ID (every shard; exit 4 naming those that have not reported)')
    .option('--store <store>', 'history store for --run: sqlite:PATH or postgres (URL from $DUTYSCAN_DATABASE_URL; default: service.store)')
    .option('-c, --config <file>', 'YAML config file whose service.store --run reads (default: $DUTYSCAN_CONFIG)')
    .requiredOption('-f, --format <format>', `one of: ${[...formatters.keys()].join(', ')}`)
    .option('-o, --output <file>', 'write here instead of stdout')
    .action(async (flags: ReportFlags) => {
      done(await reportCommand(flags));
    });
}

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

interface ReportFlags { scan: string; format: string; output?: string }

export async function reportCommand(flags: ReportFlags): Promise<number> {
  parseEnum('format', [flags.format], [...formatters.keys()]);
  if (flags.output) fileToWrite('--output', flags.output);
  const { scan, findings } = readScanDocument(flags.scan);
  const f = formatter(flags.format, { contract: scan.contract, scanId: scan.id });
  const writer = flags.output ? OutputWriter.toFile(f, flags.output) : new OutputWriter(f, process.stdout);
  await writer.begin();
  for (const finding of findings) await writer.write(finding);
  await writer.close(scan);
  if (flags.output) process.stderr.write(`wrote ${flags.output}\n`);
  return EXIT.OK;
}

export function registerReportCommand(program: Command, done: (exitCode: number) => void = () => {}): void {
  program
    .command('report')
    .description('render a saved scan (written by: dutyscan scan --format json) in another format')
    .requiredOption('--scan <file>', 'the saved scan document ({"scan": ..., "findings": [...]})')
    .requiredOption('-f, --format <format>', `one of: ${[...formatters.keys()].join(', ')}`)
    .option('-o, --output <file>', 'write here instead of stdout')
    .action(async (flags: ReportFlags) => {
      done(await reportCommand(flags));
    });
}

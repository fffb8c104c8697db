import { DUTIES, SEVERITIES, severityRank, type Duty } from '../core/check.js';
import { count, renderColumns, shortenMiddle, type Column } from '../cli/columns.js';
import { notAssessedText, type Finding } from '../core/finding.js';
import type { CollectionError } from '../core/observed.js';
import type { ScanSummary, StatusCounts } from '../core/summary.js';
import type { Formatter } from './types.js';

/** Control characters (and so ANSI escapes) from cloud data never reach the terminal. */
export const printable = (s: string): string => s.replace(/[\u0000-\u001f\u007f-\u009f]/g, '\uFFFD');

const ANSI = { red: 31, green: 32, yellow: 33, magenta: 35, cyan: 36, grey: 90, bold: 1 } as const;
export type Paint = (style: keyof typeof ANSI, s: string) => string;

const SEVERITY_STYLE: Record<string, keyof typeof ANSI> = { critical: 'magenta', high: 'red', medium: 'yellow', low: 'cyan', info: 'grey' };


const STATUS_STYLE: Record<string, keyof typeof ANSI> = { FAIL: 'red', ERROR: 'yellow', PASS: 'green', NOT_ASSESSED: 'yellow', NOT_APPLICABLE: 'grey', 'not-met': 'red', incomplete: 'yellow', met: 'green', attestation: 'grey', 'not-assessed': 'yellow', 'not-applicable': 'grey' };

/** `; not assessed: set policy.requiredTags` when part of a roll-up was not looked at, whatever its status. */
const unassessed = (r: { readonly status: string; readonly notAssessed: readonly string[] }) =>
  r.notAssessed.length > 0 || r.status === 'not-assessed' ? `; ${notAssessedText(r.notAssessed)}` : '';

export interface TableOptions {
  /** ANSI colours (the caller decides: a TTY, NO_COLOR, FORCE_COLOR). */
  readonly color?: boolean;
  /** Columns to fit; unlimited when the output is not a terminal. */
  readonly width?: number;
  /** Every resource of a group instead of the first few. */
  readonly details?: boolean;
  /** The summary only. */
  readonly quiet?: boolean;
}

/** Resources shown under each group without --details. */
const FIRST_FEW = 3;
const INDENT = '    ';

const where = (r: { readonly account?: string; readonly region?: string }) =>
  printable(!r.region || r.region === 'global' ? r.account ?? 'unknown' : `${r.account ?? 'unknown'}/${r.region}`);

/** One line per group under its heading: the first few, then how many more. */
function firstFew<T>(items: readonly T[], details: boolean): { shown: readonly T[]; more: string[] } {
  const shown = details ? items : items.slice(0, FIRST_FEW);
  return { shown, more: items.length > shown.length ? [`${INDENT}… and ${items.length - shown.length} more (--details for all)`] : [] };
}

/**
 * Failing results grouped by check (worst severity first), each with its count and its first
 * few resources; results that could not be evaluated grouped by cause (code, operation and
 * message), since one missing permission or credential errs a whole set of checks at once.
 */
export function renderResults(findings: readonly Finding[], paint: Paint, options: TableOptions = {}): string[] {
  const width = options.width ?? Number.POSITIVE_INFINITY;
  const details = options.details ?? false;
  const lines: string[] = [];
  const byCheck = groupBy(findings.filter((f) => f.status !== 'ERROR'), (f) => `${f.check.id}\u0000${f.status}\u0000${f.muted}`);
  const checks = [...byCheck.values()].sort((a, b) => severityRank(b[0]!.severity) - severityRank(a[0]!.severity) || a[0]!.check.id.localeCompare(b[0]!.check.id));
  if (checks.length > 0) {
    // Status and severity are painted, so they are padded here and the rest is measured by renderColumns.
    const lead = (status: string, severity: string, style: keyof typeof ANSI) => `${paint(style, status.padEnd(6))}  ${paint(SEVERITY_STYLE[severity] ?? 'grey', severity.padEnd(8))}  `;
    const rest = width - 18;
    const [head, ...rows] = renderColumns<readonly Finding[]>([
      { header: 'CHECK', value: (g) => g[0]!.check.id },
      { header: 'RESULTS', value: (g) => String(g.length), align: 'right' },
    ], checks, rest);
    const resources = renderColumns<Finding>([
      { header: '', value: (f) => where(f.resource) },
      { header: '', value: (f) => printable(f.resource.name), flex: true },
    ], checks.flatMap((g) => firstFew(g, details).shown), width - INDENT.length).slice(1);
    lines.push(paint('bold', `${'STATUS'.padEnd(6)}  ${'SEVERITY'}  ${head}`));
    let r = 0;
    checks.forEach((g, i) => {
      const f = g[0]!;
      lines.push(`${lead(f.muted ? `${f.status}*` : f.status, f.severity, STATUS_STYLE[f.status] ?? 'grey')}${rows[i]}`);
      const { shown, more } = firstFew(g, details);
      for (let k = 0; k < shown.length; k++) lines.push(`${INDENT}${resources[r++]}`);
      lines.push(...more);
    });
  }
  const byCause = groupBy(findings.filter((f) => f.status === 'ERROR'), (f) => [f.error?.code, f.error?.operation, f.error?.message].join('\u0000'));
  if (byCause.size > 0) {
    if (lines.length > 0) lines.push('');
    lines.push(paint('bold', `Not evaluable: ${count([...byCause.values()].reduce((n, g) => n + g.length, 0), 'result')} from ${count(byCause.size, 'cause')}`));
    for (const g of byCause.values()) {
      const e = g[0]!.error;
      const checkIds = new Set(g.map((f) => f.check.id));
      // The operation names the permission to grant: it is never shortened.
      lines.push(`${paint('yellow', 'ERROR ')}  ${printable(e?.code ?? 'UNKNOWN')}  ${printable(e?.operation ?? 'unknown')}  ${count(g.length, 'result')} in ${count(checkIds.size, 'check')}`);
      lines.push(`${INDENT}${shortenMiddle(printable(e?.message ?? g[0]!.message), width - INDENT.length)}`);
      const { shown, more } = firstFew(g, details);
      lines.push(...renderColumns<Finding>([
        { header: '', value: (f) => where(f.resource) },
        { header: '', value: (f) => f.check.id },
        { header: '', value: (f) => printable(f.resource.name), flex: true },
      ], shown, width - INDENT.length).slice(1).map((l) => `${INDENT}${l}`), ...more);
    }
  }
  return lines;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/**
 * What stopped a provider before anything could be read (no or rejected credentials), said once
 * at the top instead of through every check it left unevaluated.
 */
export function headlines(s: ScanSummary): string[] {
  return s.errors
    .filter((e) => e.code === 'AUTH_FAILED' && (!e.account || e.account === 'unknown'))
    // The SDK's class name (`CredentialsProviderError: `) tells a user nothing.
    .map((e) => `no ${(e.provider ?? 'cloud').toUpperCase()} credentials found: ${printable(e.message.replace(/^\w+Error: /, ''))}; see README, Providers`)
    .filter((line, i, all) => all.indexOf(line) === i);
}

export function renderSummary(s: ScanSummary, paint: Paint, width = Number.POSITIVE_INFINITY): string {
  const fit = (text: string) => shortenMiddle(text, width);
  /** Indented aligned rows, the flex column giving way to the width. */
  const table = <Row>(columns: readonly Column<Row>[], rows: readonly Row[]) => renderColumns(columns, rows, width - 2).slice(1).map((l) => `  ${l}`);
  const lines: string[] = [];
  const c = s.counts.byStatus;
  lines.push('');
  lines.push(paint('bold', fit(`dutyscan ${s.tool.version}: ${s.source} scan of ${count(s.accounts.length, 'account')} on ${s.providers.join(', ') || 'no provider'} against contract ${s.contract.id}`)));
  lines.push(`${count(s.findings, 'result')} from ${count(s.checks, 'check')} in ${(s.durationMs / 1000).toFixed(1)} s, ${count(s.totalApiCalls, 'API call')}`);
  lines.push(`${paint('red', `FAIL ${c.FAIL}`)}  ${paint('yellow', `ERROR ${c.ERROR}`)}  ${paint('yellow', `NOT ASSESSED ${c.NOT_ASSESSED}`)}  ${paint('green', `PASS ${c.PASS}`)}  ${paint('grey', `N/A ${c.NOT_APPLICABLE}`)}  muted ${s.counts.muted}`);
  const sev = s.counts.failBySeverity;
  lines.push(`failing by severity: ${SEVERITIES.map((k) => paint(SEVERITY_STYLE[k] ?? 'grey', `${k} ${sev[k]}`)).join(', ')}`);

  const status = <Row extends { readonly status: string }>(): Column<Row> => ({ header: '', value: (r) => r.status, paint: (text, r) => paint(STATUS_STYLE[r.status] ?? 'grey', text) });
  lines.push('', paint('bold', fit(`Contract ${s.contract.title}`)));
  lines.push(...table<ScanSummary['clauses'][number]>([
    { header: '', value: (cl) => cl.clause },
    status(),
    { header: '', value: (cl) => cl.title, flex: true },
    { header: '', value: (cl) => `${cl.counts.FAIL} failing, ${cl.counts.ERROR} not evaluable${cl.acceptedExceptions > 0 ? `, ${cl.acceptedExceptions} accepted` : ''}${unassessed(cl)}` },
  ], s.clauses));
  lines.push('', paint('bold', 'Obligations'));
  lines.push(...table<ScanSummary['obligations'][number]>([
    status(),
    { header: '', value: (o) => o.id },
    { header: '', value: (o) => `FAIL ${String(o.counts.FAIL).padStart(4)}  ERROR ${String(o.counts.ERROR).padStart(3)}  PASS ${String(o.counts.PASS).padStart(4)}` },
    { header: '', value: (o) => `${o.clauses.length ? `clauses ${o.clauses.join(', ')}` : ''}${unassessed(o)}`, flex: true },
  ], s.obligations));
  lines.push('');
  const number = (header: string, key: keyof StatusCounts): Column<Duty> => ({ header, value: (duty) => String(s.counts.byDuty[duty]![key]), align: 'right' });
  const [dutyHead, ...dutyRows] = renderColumns<Duty>([
    { header: 'DUTY', value: (duty) => duty },
    number('FAIL', 'FAIL'), number('ERROR', 'ERROR'), number('PASS', 'PASS'), number('NOT ASSESSED', 'NOT_ASSESSED'), number('N/A', 'NOT_APPLICABLE'),
  ], DUTIES.filter((duty) => s.counts.byDuty[duty]), width - 2);
  lines.push(`  ${paint('bold', dutyHead!)}`, ...dutyRows.map((l) => `  ${l}`));
  const unset = Object.entries(s.notAssessed);
  if (unset.length > 0) {
    lines.push('', paint('yellow', fit(`Not assessed: ${count(c.NOT_ASSESSED, 'result')} could not be judged because these settings are empty; set them and scan again:`)));
    lines.push(...table<[string, number]>([
      { header: '', value: ([setting]) => printable(setting), flex: true },
      { header: '', value: ([, n]) => count(n, 'result'), align: 'right' },
    ], unset));
  }
  if (s.errors.length > 0) {
    // Errors that share a cause across scopes (one missing permission everywhere) are one line.
    const causes = [...groupBy(s.errors, (e) => [e.code, e.operation, e.message].join('\u0000')).values()];
    lines.push('', paint('yellow', fit(`Incomplete: ${count(s.errors.length, 'collection error')}; grant or fix these and scan again:`)));
    const shown = causes.slice(0, 15);
    const detail = renderColumns<CollectionError[]>([
      { header: '', value: (g) => (g.length === 1 ? where(g[0]!) : count(g.length, 'scope')) },
      { header: '', value: (g) => printable(g[0]!.message), flex: true },
    ], shown, width - INDENT.length).slice(1);
    shown.forEach((g, i) => lines.push(`  ${g[0]!.provider ? `${g[0]!.provider} ` : ''}${g[0]!.code}  ${g[0]!.operation}`, `${INDENT}${detail[i]}`));
    if (causes.length > shown.length) lines.push(`  … and ${count(causes.length - shown.length, 'more cause')} (see the json output)`);
  }
  for (const m of s.expiredMutes) lines.push(paint('yellow', fit(`Mutelist entry #${m.rule} expired on ${m.expires} and no longer mutes: ${printable(m.reason)}`)));
  const attested = (s.attestations ?? []).filter((a) => a.applied).map((a) => a.obligation);
  if (attested.length > 0) lines.push(fit(`Met by attestation (signed, not checked): ${attested.join(', ')}`));
  for (const a of s.attestations ?? []) {
    if (a.status === 'expired') lines.push(paint('yellow', fit(`Attestation of ${a.obligation} expired on ${a.expires} (signed ${a.date} by ${printable(a.by)}): it needs attestation again`)));
  }
  for (const [sink, n] of Object.entries(s.undelivered)) if (n > 0) lines.push(paint('yellow', `Sink ${sink}: ${n} finding(s) not delivered, spooled for replay (dutyscan sinks flush)`));
  // Only UDP syslog sends without confirmation: say so, or a lossy transport looks like a complete delivery.
  for (const [sink, n] of Object.entries(s.unconfirmed ?? {})) lines.push(paint('yellow', `Sink ${sink}: ${n} finding(s) sent, delivery unconfirmed (UDP)`));
  lines.push('');
  return lines.join('\n');
}

export const painter = (color: boolean): Paint => (color ? (style, s) => `\u001b[${ANSI[style]}m${s}\u001b[0m` : (_style, s) => s);

/**
 * The human view: a headline for what stopped a provider, the failing results grouped by check
 * and the errors by cause, then the summary. Results are held to the end to be grouped; the
 * progress line speaks meanwhile.
 */
export function tableFormatter(options: TableOptions = {}): Formatter {
  const paint = painter(options.color ?? false);
  const shown: Finding[] = [];
  return {
    id: 'table',
    extension: 'txt',
    mediaType: 'text/plain',
    finding: (f) => {
      if (!options.quiet && (f.status === 'FAIL' || f.status === 'ERROR')) shown.push(f);
      return '';
    },
    end: (summary) => {
      const top = headlines(summary).map((h) => paint('yellow', h));
      const results = renderResults(shown, paint, options);
      const head = [...top, ...(top.length > 0 && results.length > 0 ? [''] : []), ...results];
      return `${head.length > 0 ? `${head.join('\n')}\n` : ''}${renderSummary(summary, paint, options.width)}`;
    },
  };
}

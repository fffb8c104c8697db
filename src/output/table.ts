import { DUTIES } from '../core/check.js';
import { notAssessedText, type Finding } from '../core/finding.js';
import type { ScanSummary } from '../core/summary.js';
import type { Formatter } from './types.js';

/** Control characters (and so ANSI escapes) from cloud data never reach the terminal. */
export const printable = (s: string): string => s.replace(/[\u0000-\u001f\u007f-\u009f]/g, '\uFFFD');

const ANSI = { red: 31, green: 32, yellow: 33, grey: 90, bold: 1 } as const;
type Paint = (style: keyof typeof ANSI, s: string) => string;

const STATUS_STYLE: Record<string, keyof typeof ANSI> = { FAIL: 'red', ERROR: 'yellow', PASS: 'green', NOT_ASSESSED: 'yellow', NOT_APPLICABLE: 'grey', 'not-met': 'red', incomplete: 'yellow', met: 'green', attestation: 'grey', 'not-assessed': 'yellow', 'not-applicable': 'grey' };

/** `; not assessed: set policy.requiredTags` when part of a roll-up was not looked at, whatever its status. */
const unassessed = (r: { readonly status: string; readonly notAssessed: readonly string[] }) =>
  r.notAssessed.length > 0 || r.status === 'not-assessed' ? `; ${notAssessedText(r.notAssessed)}` : '';

const pad = (s: string, n: number) => (s.length >= n ? `${s.slice(0, n - 1)}…` : s.padEnd(n));

function findingRow(f: Finding, paint: Paint): string {
  const status = f.muted ? `${f.status}*` : f.status;
  const where = f.resource.region === 'global' ? f.resource.account : `${f.resource.account}/${f.resource.region}`;
  return [
    paint(STATUS_STYLE[f.status] ?? 'grey', pad(status, 8)),
    pad(f.severity, 9),
    pad(f.check.id, 52),
    pad(printable(where), 28),
    printable(f.resource.name),
  ].join(' ');
}

export function renderSummary(s: ScanSummary, paint: Paint): string {
  const lines: string[] = [];
  const c = s.counts.byStatus;
  lines.push('');
  lines.push(paint('bold', `dutyscan ${s.tool.version}: ${s.source} scan of ${s.accounts.length} account(s) on ${s.providers.join(', ') || 'no provider'} against contract ${s.contract.id}`));
  lines.push(`${s.findings} results from ${s.checks} checks in ${(s.durationMs / 1000).toFixed(1)} s, ${s.totalApiCalls} API calls`);
  lines.push(`${paint('red', `FAIL ${c.FAIL}`)}  ${paint('yellow', `ERROR ${c.ERROR}`)}  ${paint('yellow', `NOT ASSESSED ${c.NOT_ASSESSED}`)}  ${paint('green', `PASS ${c.PASS}`)}  ${paint('grey', `N/A ${c.NOT_APPLICABLE}`)}  muted ${s.counts.muted}`);
  const sev = s.counts.failBySeverity;
  lines.push(`failing by severity: critical ${sev.critical}, high ${sev.high}, medium ${sev.medium}, low ${sev.low}, info ${sev.info}`);

  lines.push('', paint('bold', `Contract ${s.contract.title}`));
  for (const clause of s.clauses) {
    const accepted = clause.acceptedExceptions > 0 ? `, ${clause.acceptedExceptions} accepted exception(s)` : '';
    lines.push(`  ${pad(clause.clause, 10)} ${paint(STATUS_STYLE[clause.status] ?? 'grey', pad(clause.status, 15))} ${clause.title}  (${clause.counts.FAIL} failing, ${clause.counts.ERROR} not evaluable${accepted}${unassessed(clause)})`);
  }
  lines.push('', paint('bold', 'Obligations'));
  for (const o of s.obligations) {
    const clauses = o.clauses.length ? ` [clauses ${o.clauses.join(', ')}]` : '';
    const why = unassessed(o);
    lines.push(`  ${paint(STATUS_STYLE[o.status] ?? 'grey', pad(o.status, 15))} ${pad(o.id, 28)} FAIL ${String(o.counts.FAIL).padStart(4)}  ERROR ${String(o.counts.ERROR).padStart(3)}  PASS ${String(o.counts.PASS).padStart(4)}${clauses}${why ? ` (${why.slice(2)})` : ''}`);
  }
  lines.push('', paint('bold', 'Duties'));
  for (const duty of DUTIES) {
    const d = s.counts.byDuty[duty];
    if (d) lines.push(`  ${pad(duty, 22)} FAIL ${String(d.FAIL).padStart(4)}  ERROR ${String(d.ERROR).padStart(3)}  PASS ${String(d.PASS).padStart(4)}  NOT ASSESSED ${String(d.NOT_ASSESSED).padStart(3)}  N/A ${String(d.NOT_APPLICABLE).padStart(3)}`);
  }
  const unset = Object.entries(s.notAssessed);
  if (unset.length > 0) {
    lines.push('', paint('yellow', `Not assessed: ${c.NOT_ASSESSED} result(s) could not be judged because these settings are empty; set them and scan again:`));
    for (const [setting, n] of unset) lines.push(`  ${pad(setting, 40)} ${n} result(s)`);
  }
  if (s.errors.length > 0) {
    lines.push('', paint('yellow', `Incomplete: ${s.errors.length} collection error(s); grant or fix these and scan again:`));
    const shown = s.errors.slice(0, 15);
    for (const e of shown) lines.push(`  ${pad(e.code, 16)} ${pad(e.operation, 40)} ${printable([e.provider, e.account, e.region].filter(Boolean).join('/'))}: ${printable(e.message).slice(0, 100)}`);
    if (s.errors.length > shown.length) lines.push(`  … and ${s.errors.length - shown.length} more (see the json output)`);
  }
  for (const m of s.expiredMutes) lines.push(paint('yellow', `Mutelist entry #${m.rule} expired on ${m.expires} and no longer mutes: ${printable(m.reason)}`));
  for (const [sink, n] of Object.entries(s.undelivered)) if (n > 0) lines.push(paint('yellow', `Sink ${sink}: ${n} finding(s) not delivered, spooled for replay (dutyscan sinks flush)`));
  // Only UDP syslog sends without confirmation: say so, or a lossy transport looks like a complete delivery.
  for (const [sink, n] of Object.entries(s.unconfirmed ?? {})) lines.push(paint('yellow', `Sink ${sink}: ${n} finding(s) sent, delivery unconfirmed (UDP)`));
  lines.push('');
  return lines.join('\n');
}

/** The human view: failing, erroring and muted results as they arrive, then the summary. */
export function tableFormatter(color: boolean): Formatter {
  const paint: Paint = color ? (style, s) => `\u001b[${ANSI[style]}m${s}\u001b[0m` : (_style, s) => s;
  return {
    id: 'table',
    extension: 'txt',
    mediaType: 'text/plain',
    begin: () => `${paint('bold', [pad('STATUS', 8), pad('SEVERITY', 9), pad('CHECK', 52), pad('ACCOUNT/REGION', 28), 'RESOURCE'].join(' '))}\n`,
    finding: (f) => (f.status === 'FAIL' || f.status === 'ERROR' ? `${findingRow(f, paint)}\n` : ''),
    end: (summary) => renderSummary(summary, paint),
  };
}

import { notAssessedText, type Finding } from '../core/finding.js';
import type { AttestationState, ClauseStatus, MetBy, ScanSummary } from '../core/summary.js';
import { periodMs } from '../core/deadline.js';
import { loadCatalog, resolveContract } from '../mapping/catalog.js';
import type { ContractProfile, Obligation } from '../mapping/schema.js';
import { badge } from './html.js';
import { esc as escHtml } from './html/escape.js';
import { REPORT_CSS } from './html/style.js';
import { printable } from './table.js';
import type { Formatter } from './types.js';

type Verdict = ClauseStatus['status'];

export const VERDICT_TEXT: Record<Verdict, string> = {
  met: 'met',
  'not-met': 'not met',
  incomplete: 'incomplete (could not evaluate everything)',
  attestation: 'manual attestation needed',
  'not-assessed': 'not assessed',
  'not-applicable': 'not applicable (nothing in scope)',
};

interface Item {
  readonly resource: string;
  readonly name: string;
  readonly where: string;
  readonly check: string;
  readonly checkTitle: string;
  readonly message: string;
  readonly evidence: Readonly<Record<string, unknown>>;
  readonly remediation: string;
  readonly since?: string;
  readonly error?: string;
  readonly mute?: string;
  readonly deadline?: Deadline;
}

/** A failing finding's contract deadline (README: Contract deadlines). */
interface Deadline {
  readonly dueAt: string;
  readonly overdue: boolean;
  readonly curePeriod: string;
  /** When the period began: the failure's first sighting, by the history, or else this scan. */
  readonly since: string;
}

interface ClauseTally {
  evaluated: Set<string>;
  notEvaluable: Set<string>;
  notAssessedTotal: number;
  /** Resources a check could not judge for want of a setting, and those settings. */
  notAssessed: Set<string>;
  unset: Set<string>;
  failing: Item[];
  errors: Item[];
  muted: Item[];
  mutedTotal: number;
  failingTotal: number;
  errorsTotal: number;
}

/** Enough to act on; the full list is in the findings document. */
export const MAX_ITEMS_PER_CLAUSE = 200;

export interface ContractSource {
  readonly profile?: ContractProfile;
  readonly obligations: ReadonlyMap<string, Obligation>;
}

function loadContract(summary: ScanSummary): ContractSource {
  try {
    const catalog = loadCatalog();
    let profile: ContractProfile | undefined;
    try { profile = resolveContract(catalog, summary.contract.id); } catch { profile = undefined; }
    return { ...(profile ? { profile } : {}), obligations: catalog.obligations };
  } catch {
    return { obligations: new Map() };
  }
}

const item = (f: Finding): Item => ({
  resource: f.resource.id,
  name: f.resource.name,
  where: `${f.resource.provider} ${f.resource.accountName ? `${f.resource.accountName} (${f.resource.account})` : f.resource.account} ${f.resource.region}`,
  check: f.check.id,
  checkTitle: f.check.title,
  message: f.message,
  evidence: f.evidence,
  remediation: f.remediation.text + (f.remediation.cli ? `\n${f.remediation.cli}` : ''),
  ...(f.firstSeen ? { since: f.firstSeen } : {}),
  ...(f.error ? { error: `${f.error.code} ${f.error.operation}: ${f.error.message}` } : {}),
  ...(f.mute ? { mute: `${f.mute.reason}${f.mute.owner ? ` (owner ${f.mute.owner})` : ''}${f.mute.expires ? `, expires ${f.mute.expires}` : ''}` } : {}),
  ...(f.dueAt ? { deadline: deadlineOf(f, f.dueAt) } : {}),
});

/** The period began its length before the due date (in service mode, with the failing streak, which may be after firstSeen). */
const deadlineOf = (f: Finding, dueAt: string): Deadline => {
  const period = f.curePeriod ? periodMs(f.curePeriod) : undefined;
  return {
    dueAt,
    overdue: f.overdue === true,
    curePeriod: f.curePeriod ?? '',
    since: period === undefined ? (f.firstSeen ?? f.time) : new Date(Date.parse(dueAt) - period).toISOString(),
  };
};

/** `due 2026-12-21... (cure period 14d)`, or `OVERDUE: was due ...` once it has passed. */
const dueText = (d: Deadline) => `${d.overdue ? 'OVERDUE: was due' : 'due'} ${d.dueAt}${d.curePeriod ? ` (cure period ${d.curePeriod})` : ''}`;

/** The deadlines section lists every overdue finding (up to the cap) and the next few to fall due; each clause lists all of its own. */
const UPCOMING_SHOWN = 10;

/** Every failing item with a deadline, overdue ones first, then by due date; capped like the clause lists. */
class DeadlineList {
  readonly items: { item: Item; clauses: string[] }[] = [];
  total = 0;
  overdue = 0;
  /** The findings come from the service's history store (they carry lastSeen). */
  fromStore = false;

  add(item: Item, clauses: string[], fromStore: boolean): void {
    if (!item.deadline) return;
    this.fromStore ||= fromStore;
    this.total++;
    if (item.deadline.overdue) this.overdue++;
    this.items.push({ item, clauses });
    if (this.items.length > MAX_ITEMS_PER_CLAUSE) {
      this.sort();
      this.items.pop();
    }
  }

  sort(): this {
    const key = (e: { item: Item }) => `${e.item.deadline!.overdue ? 0 : 1}${e.item.deadline!.dueAt}`;
    this.items.sort((a, b) => key(a).localeCompare(key(b)));
    return this;
  }

  /** What the section shows, and how many it leaves to the clauses below. */
  shown(): { rows: { item: Item; clauses: string[] }[]; more: number } {
    const overdue = this.sort().items.filter((e) => e.item.deadline!.overdue);
    const upcoming = this.items.filter((e) => !e.item.deadline!.overdue).slice(0, UPCOMING_SHOWN);
    return { rows: [...overdue, ...upcoming], more: this.total - overdue.length - upcoming.length };
  }
}

/** Where the first-seen dates that due dates count from came from: a scan without history can only count from itself. */
const deadlineBasis = (summary: ScanSummary, deadlines: DeadlineList) =>
  deadlines.fromStore
    ? 'When each failure was first seen failing comes from the service\'s history store, as of this scan.'
    : summary.source === 'demo'
      ? 'First-seen dates come from the demo\'s history (an invented past for the demo organisation, so that a deadline can be seen to pass), not from a history store.'
      : 'This scan had no history: each failure counts from this scan, so nothing is overdue yet (dutyscan serve keeps when each was first seen).';

/** The profile gives a cure period somewhere (else the deadlines section says so instead of listing nothing). */
const hasCurePeriods = (profile: ContractProfile | undefined) =>
  !!profile && (profile.curePeriod !== undefined || Object.keys(profile.obligationCurePeriods ?? {}).length > 0 || profile.clauses.some((c) => c.curePeriod !== undefined));

interface ClauseView {
  id: string;
  title: string;
  summary?: string;
  obligations: readonly string[];
  /** The definitions the clause relies on, as the profile gives them. */
  reliesOn: readonly Definition[];
  verdict: Verdict;
  metBy: readonly MetBy[];
  /** Muted FAILs the mutelist accepts, however many the report lists. */
  acceptedExceptions: number;
  /** Settings to fill in before what was not assessed can be. */
  unset: readonly string[];
  manual: readonly Obligation[];
  /** Of those, the ones without a valid sign-off. */
  unsigned: readonly Obligation[];
  tally: ClauseTally;
}

type Definition = ContractProfile['definitions'][number];

const emptyTally = (): ClauseTally => ({ evaluated: new Set(), notEvaluable: new Set(), notAssessedTotal: 0, notAssessed: new Set(), unset: new Set(), failing: [], errors: [], muted: [], mutedTotal: 0, failingTotal: 0, errorsTotal: 0 });

const metByText = (metBy: readonly MetBy[]) => (metBy.length === 0 ? '' : ` (by ${metBy.join(' and ')})`);

/** The clause's status in words: a not-assessed clause says which settings to fill in; a met one by what. */
const statusText = (c: ClauseView) =>
  c.verdict === 'not-assessed' ? notAssessedText(c.unset) : `${VERDICT_TEXT[c.verdict]}${c.verdict === 'met' ? metByText(c.metBy) : ''}`;

/** Beside the verdict: the exceptions it accepts, never hidden behind it. */
const exceptionsText = (c: ClauseView) => (c.acceptedExceptions > 0 ? `${c.acceptedExceptions} accepted exception(s)` : '');

/** A clause's results in one unit (a result is one check on one resource), with the resources where it helps. */
const resultsLine = (c: ClauseView) =>
  `Resources evaluated: ${c.tally.evaluated.size}. Results: ${c.tally.failingTotal} failing, ${c.tally.errorsTotal} not evaluable` +
  `${c.tally.errorsTotal ? ` (on ${c.tally.notEvaluable.size} resource(s))` : ''}, ${c.tally.notAssessedTotal} not assessed` +
  `${c.acceptedExceptions ? `; ${exceptionsText(c)} (muted failures, listed below)` : ''}.`;

const UNIT_NOTE = 'A result is one check on one resource (a resource can have several); each result counts once per clause, as in the JSON summary and the HTML report.';

/** What part of a clause was not looked at and why, whatever its status; empty when all was. */
const notAssessedLine = (c: ClauseView) =>
  c.tally.notAssessed.size > 0 ? `Not assessed: ${c.tally.notAssessed.size} resource(s); set ${c.unset.join(', ')} and scan again.` : '';

function views(summary: ScanSummary, source: ContractSource, tallies: Map<string, ClauseTally>): ClauseView[] {
  const bySummary = new Map(summary.clauses.map((c) => [c.clause, c]));
  const rolled = new Map(summary.obligations.map((o) => [o.id, o]));
  const definitions = source.profile?.definitions ?? [];
  const clauses = source.profile?.clauses.map((c) => ({ id: c.id, title: c.title, summary: c.summary, obligations: c.obligations, reliesOn: definitions.filter((d) => c.relies_on.includes(d.clause)) }))
    ?? summary.clauses.map((c) => ({ id: c.clause, title: c.title, obligations: c.obligations, reliesOn: [] }));
  return clauses.map((c) => {
    const tally = tallies.get(c.id) ?? emptyTally();
    const manual = c.obligations.map((o) => source.obligations.get(o))
      .filter((o): o is Obligation => !!o && (o.verification !== 'automated' || rolled.get(o.id)?.status === 'attestation' || !!rolled.get(o.id)?.attestation));
    const unsigned = manual.filter((o) => rolled.get(o.id)?.attestation?.status !== 'valid');
    const fromSummary = bySummary.get(c.id);
    const computed: Verdict = tally.failingTotal > 0 ? 'not-met'
      : tally.errorsTotal > 0 ? 'incomplete'
        : tally.notAssessed.size > 0 ? 'not-assessed'
          : tally.evaluated.size > 0 ? 'met'
            : manual.length > 0 ? 'attestation' : 'not-applicable';
    const unset = [...new Set([...(fromSummary?.notAssessed ?? []), ...tally.unset])].sort();
    const verdict = fromSummary?.status ?? computed;
    const metBy = verdict === 'met' ? fromSummary?.metBy ?? [] : [];
    return { ...c, verdict, metBy, acceptedExceptions: tally.mutedTotal, unset, manual, unsigned, tally };
  });
}

/** One line of text from cloud data or a profile: no line break, and no control character (an escape sequence could rewrite the terminal that shows the file). */
const oneLine = (value: unknown) => printable(String(value).replace(/\r?\n|\r/g, ' '));

/** HTML text, one line, no control character. */
const esc = (value: unknown) => escHtml(oneLine(value));

/** Indented JSON with every control character escaped (JSON.stringify leaves U+007F-U+009F as they are). */
const json = (value: unknown) =>
  JSON.stringify(value, null, 2).replace(/[\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/** Markdown text: no character can start markup, HTML or a table cell break; one line. */
export const md = (value: unknown) =>
  oneLine(value).replace(/[\\`*_[\]#|~]/g, (c) => `\\${c}`).replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A fenced block whose fence is longer than any backtick run inside it. */
const fenced = (text: string, lang = '') => {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}${lang}\n${text}\n${fence}`;
};

function renderMarkdown(summary: ScanSummary, clauses: ClauseView[], source: ContractSource, deadlines: DeadlineList): string {
  const out: string[] = [];
  const title = source.profile?.title ?? summary.contract.title;
  out.push(`# Contract compliance report: ${md(title)}`, '');
  out.push(`Contract profile \`${oneLine(summary.contract.id).replace(/`/g, '')}\` · scan ${md(summary.id)} · ${md(summary.startedAt)} to ${md(summary.finishedAt)} · providers ${md(summary.providers.join(', ') || 'none')} · accounts ${summary.accounts.length}`, '');
  if (!summary.complete) out.push('> **The scan is incomplete.** Some resources could not be evaluated; clauses that depend on them are reported as incomplete, never as met.', '');
  const signOffs = attestationTotals(summary);
  if (signOffs) out.push(`**Attestations:** ${md(signOffs)}`, '');
  out.push(...profileMarkdown(source.profile));
  out.push('## Clauses', '', md(UNIT_NOTE), '', '| Clause | Title | Status | Accepted exceptions | Resources evaluated | Failing results | Not evaluable results | Not assessed results |', '|---|---|---|---:|---:|---:|---:|---:|');
  for (const c of clauses) {
    out.push(`| ${md(c.id)} | ${md(c.title)} | **${md(statusText(c))}**${c.unsigned.length && c.verdict !== 'attestation' ? ' + attestation' : ''} | ${c.acceptedExceptions} | ${c.tally.evaluated.size} | ${c.tally.failingTotal} | ${c.tally.errorsTotal} | ${c.tally.notAssessedTotal} |`);
  }
  out.push('');
  out.push(...markdownDeadlines(summary, source, deadlines));
  for (const c of clauses) {
    out.push(`## Clause ${md(c.id)}: ${md(c.title)}`, '');
    out.push(`**Status: ${md(statusText(c))}.**${exceptionsText(c) ? ` ${md(exceptionsText(c))}.` : ''} Obligations: ${c.obligations.map((o) => `\`${o}\``).join(', ') || 'none'}.`, '');
    if (c.summary) out.push(md(c.summary), '');
    if (c.reliesOn.length > 0) out.push(`Relies on: ${c.reliesOn.map((d) => `${md(d.clause)} *${md(d.term)}* (${md(d.meaning)})`).join('; ')}.`, '');
    out.push(md(resultsLine(c)), '');
    if (notAssessedLine(c)) out.push(md(notAssessedLine(c)), '');
    if (clauseDeadlineLine(c)) out.push(`**${md(clauseDeadlineLine(c))}**`, '');
    if (c.tally.failing.length > 0) {
      out.push(`### Failing resources (${c.tally.failingTotal})`, '');
      for (const i of c.tally.failing) {
        out.push(`- **${md(i.name || i.resource)}** (${md(i.resource)}, ${md(i.where)}): ${md(i.message)}${i.since ? ` Since ${md(i.since)}.` : ''}`);
        out.push(`  - Check: ${md(i.checkTitle)} (\`${i.check}\`)`);
        if (i.deadline) out.push(`  - ${i.deadline.overdue ? '**' : ''}${md(dueText(i.deadline))}${i.deadline.overdue ? '**' : ''}`);
        out.push(`  - Evidence:`, '', fenced(json(i.evidence), 'json').split('\n').map((l) => `    ${l}`).join('\n'), '');
        out.push(`  - Remediation: ${md(i.remediation)}`);
      }
      if (c.tally.failingTotal > c.tally.failing.length) out.push(`- … and ${c.tally.failingTotal - c.tally.failing.length} more in the findings document.`);
      out.push('');
    }
    if (c.tally.errors.length > 0) {
      out.push(`### Not evaluable (${c.tally.errorsTotal})`, '');
      for (const i of c.tally.errors) out.push(`- ${md(i.name || i.resource)} (${md(i.resource)}, ${md(i.where)}), check \`${i.check}\`: ${md(i.error ?? i.message)}`);
      if (c.tally.errorsTotal > c.tally.errors.length) out.push(`- … and ${c.tally.errorsTotal - c.tally.errors.length} more.`);
      out.push('');
    }
    if (c.tally.muted.length > 0) {
      out.push(`### Accepted exceptions (muted failures)`, '');
      for (const i of c.tally.muted) out.push(`- ${md(i.name || i.resource)} (${md(i.resource)}), check \`${i.check}\`: ${md(i.mute ?? '')}`);
      out.push('');
    }
    if (c.unsigned.length > 0) out.push(`Needs attestation: ${c.unsigned.map((o) => `\`${o.id}\` (${o.verification})`).join(', ')} — see below.`, '');
  }
  const attest = attestations(clauses, summary);
  out.push('## Attestations', '', md(ATTESTATION_NOTE), '');
  if (attest.length === 0) out.push('None for this contract profile.', '');
  for (const a of attest) {
    out.push(`### \`${a.obligation.id}\`: ${md(a.obligation.title)} (${a.obligation.verification === 'manual' ? 'manual' : 'partly automated'})`, '');
    out.push(md(a.obligation.description), '');
    out.push(`Clauses: ${a.clauses.map(md).join(', ')}`, '');
    const signed = signOff(a.state, a.status);
    if (signed) out.push(`**${md(signed.headline)}** ${md(signed.detail)}`, '');
    if (signed?.lapsed !== false) out.push('- [ ] Met. Attested by: ____________________  Role: ______________  Date: ____________', '');
  }
  return `${out.join('\n')}\n`;
}

/** A clause's deadlines in one line: how many of its failures are overdue and when the next is due; empty when none has one. */
function clauseDeadlineLine(c: ClauseView): string {
  const due = c.tally.failing.flatMap((i) => (i.deadline ? [i.deadline] : []));
  if (due.length === 0) return '';
  const overdue = due.filter((d) => d.overdue).length;
  const next = due.filter((d) => !d.overdue).map((d) => d.dueAt).sort()[0];
  return `Deadlines: ${overdue} overdue${next ? `; next due ${next}` : ''}.`;
}

function markdownDeadlines(summary: ScanSummary, source: ContractSource, deadlines: DeadlineList): string[] {
  const out = ['## Deadlines', ''];
  if (deadlines.total === 0) {
    out.push(hasCurePeriods(source.profile) ? 'No failing finding has a deadline.' : 'The contract profile gives no cure period: no deadline applies.', '');
    return out;
  }
  out.push(`${deadlines.overdue} of ${deadlines.total} failing finding(s) with a cure period are **overdue**. Each is due its cure period (the obligation's, else the clause's, else the profile's) after it was first seen failing. ${md(deadlineBasis(summary, deadlines))}`, '');
  const { rows, more } = deadlines.shown();
  out.push('| Due | Status | Clauses | Resource | Check | Cure period | Failing since |', '|---|---|---|---|---|---|---|');
  for (const { item: i, clauses } of rows) {
    out.push(`| ${md(i.deadline!.dueAt)} | ${i.deadline!.overdue ? '**overdue**' : 'within period'} | ${md(clauses.join(', '))} | ${md(i.name || i.resource)} | \`${i.check.replace(/`/g, '')}\` | ${md(i.deadline!.curePeriod)} | ${md(i.deadline!.since)} |`);
  }
  if (more > 0) out.push('', `… and ${more} more: each clause below lists its own, the findings document every one.`);
  out.push('');
  return out;
}

function htmlDeadlines(summary: ScanSummary, source: ContractSource, deadlines: DeadlineList): string {
  if (deadlines.total === 0) {
    return `<section id="deadlines"><h2>Deadlines</h2><p>${hasCurePeriods(source.profile) ? 'No failing finding has a deadline.' : 'The contract profile gives no cure period: no deadline applies.'}</p></section>`;
  }
  const { rows: shown, more } = deadlines.shown();
  const rows = shown.map(({ item: i, clauses }) => `<tr${i.deadline!.overdue ? ' class="overdue"' : ''}><td>${esc(i.deadline!.dueAt)}</td><td>${i.deadline!.overdue ? '<strong>overdue</strong>' : 'within period'}</td><td>${esc(clauses.join(', '))}</td><td>${esc(i.name || i.resource)}</td><td><code>${esc(i.check)}</code></td><td>${esc(i.deadline!.curePeriod)}</td><td>${esc(i.deadline!.since)}</td></tr>`).join('');
  return `<section id="deadlines"><h2>Deadlines</h2><p><strong>${deadlines.overdue}</strong> of ${deadlines.total} failing finding(s) with a cure period are overdue. Each is due its cure period (the obligation's, else the clause's, else the profile's) after it was first seen failing. ${esc(deadlineBasis(summary, deadlines))}</p>
<table class="grid"><thead><tr><th>Due</th><th>Status</th><th>Clauses</th><th>Resource</th><th>Check</th><th>Cure period</th><th>Failing since</th></tr></thead><tbody>${rows}</tbody></table>${more > 0 ? `<p>… and ${more} more: each clause below lists its own, the findings document every one.</p>` : ''}</section>`;
}

interface AttestationEntry {
  obligation: Obligation;
  clauses: string[];
  state?: AttestationState;
  status?: Verdict;
}

function attestations(clauses: ClauseView[], summary: ScanSummary): AttestationEntry[] {
  const byObligation = new Map(summary.obligations.map((o) => [o.id, o]));
  const byId = new Map<string, AttestationEntry>();
  for (const c of clauses) {
    for (const o of c.manual) {
      let e = byId.get(o.id);
      if (!e) {
        const rolled = byObligation.get(o.id);
        byId.set(o.id, (e = { obligation: o, clauses: [], ...(rolled?.attestation ? { state: rolled.attestation } : {}), ...(rolled ? { status: rolled.status } : {}) }));
      }
      e.clauses.push(c.id);
    }
  }
  return [...byId.values()];
}

const ATTESTATION_NOTE =
  'No cloud API can prove these obligations (fully or in part). A responsible person signs that they are met (dutyscan scan --attestations FILE, or POST /attestations in service mode). ' +
  'A sign-off counts from its date for 90 days unless the contract profile says otherwise, and only where no check decides: it never overrides a failing, unevaluable or unassessed result.';

/** What a sign-off did, in words; `lapsed`: the obligation needs signing (again). */
function signOff(state: AttestationState | undefined, status: Verdict | undefined): { headline: string; detail: string; lapsed: boolean } | undefined {
  if (!state) return undefined;
  const signed = `Signed by ${state.by} on ${state.date}: "${state.statement}" Evidence: ${state.evidence}.`;
  if (state.status === 'expired') return { headline: `Attestation expired on ${state.expires}.`, detail: `${signed} It no longer counts: sign again.`, lapsed: true };
  if (state.applied) return { headline: `Met by attestation; expires on ${state.expires}.`, detail: signed, lapsed: false };
  const checks = status ? VERDICT_TEXT[status] : 'decided by its checks';
  return { headline: `Signed (expires on ${state.expires}), but the checks decide this obligation: ${checks}.`, detail: `${signed} A sign-off never overrides what a check found.`, lapsed: false };
}

/** "1 attested, 1 expired (x expired on D)": the line a reader must not miss. */
function attestationTotals(summary: ScanSummary): string {
  const states = summary.attestations ?? [];
  const applied = states.filter((a) => a.status === 'valid' && a.applied).length;
  const expired = states.filter((a) => a.status === 'expired');
  if (states.length === 0) return '';
  return `${applied} obligation(s) met by attestation; ${expired.length} attestation(s) expired${expired.length ? ` (${expired.map((a) => `${a.obligation} on ${a.expires}`).join(', ')}), so those obligations need attestation again` : ''}.`;
}

/** The profile's own words that a reader of the report needs: its source, its notes and the definitions clauses rely on. */
function profileMarkdown(profile: ContractProfile | undefined): string[] {
  if (!profile || (!profile.notes && !profile.source?.document && profile.definitions.length === 0)) return [];
  const out = ['## About this contract profile', ''];
  if (profile.source?.document) out.push(`Source: ${md(profile.source.document)}`, '');
  if (profile.notes) out.push(`Notes: ${md(profile.notes)}`, '');
  if (profile.definitions.length > 0) {
    out.push('### Definitions', '', '| Clause | Term | Meaning |', '|---|---|---|');
    for (const d of profile.definitions) out.push(`| ${md(d.clause)} | ${md(d.term)} | ${md(d.meaning)} |`);
    out.push('');
  }
  return out;
}

function renderHtml(summary: ScanSummary, clauses: ClauseView[], source: ContractSource, deadlines: DeadlineList): string {
  const title = source.profile?.title ?? summary.contract.title;
  const itemHtml = (i: Item) => `<li><strong>${esc(i.name || i.resource)}</strong> <code>${esc(i.resource)}</code> ${esc(i.where)}: ${esc(i.message)}${i.since ? ` <em>since ${esc(i.since)}</em>` : ''}
<div>Check: ${esc(i.checkTitle)} <code>${esc(i.check)}</code></div>${i.deadline ? `<div class="due">${i.deadline.overdue ? `<strong class="overdue">${esc(dueText(i.deadline))}</strong>` : esc(dueText(i.deadline))}</div>` : ''}<details><summary>Evidence and remediation</summary><pre>${escHtml(json(i.evidence))}</pre><p>${esc(i.remediation)}</p></details></li>`;
  const status = (c: ClauseView) => `${badge(c.verdict)}${c.verdict === 'not-assessed' || c.metBy.length > 0 ? ` <small>${esc(statusText(c))}</small>` : ''}`;
  const rows = clauses.map((c) => `<tr><td><a href="#clause-${esc(c.id)}">${esc(c.id)}</a></td><td>${esc(c.title)}</td><td>${status(c)}${c.unsigned.length && c.verdict !== 'attestation' ? ' + attestation' : ''}</td><td class="num">${c.acceptedExceptions}</td><td class="num">${c.tally.evaluated.size}</td><td class="num">${c.tally.failingTotal}</td><td class="num">${c.tally.errorsTotal}</td><td class="num">${c.tally.notAssessedTotal}</td></tr>`).join('');
  const sections = clauses.map((c) => `<section id="clause-${esc(c.id)}"><h2>Clause ${esc(c.id)}: ${esc(c.title)}</h2>
<p>${status(c)}${exceptionsText(c) ? ` <strong class="exceptions">${esc(exceptionsText(c))}</strong>` : ''} Obligations: ${c.obligations.map((o) => `<code>${esc(o)}</code>`).join(', ') || 'none'}</p>
${c.summary ? `<p>${esc(c.summary)}</p>` : ''}
${c.reliesOn.length ? `<p class="relies-on">Relies on: ${c.reliesOn.map((d) => `${esc(d.clause)} <em>${esc(d.term)}</em> (${esc(d.meaning)})`).join('; ')}.</p>` : ''}
<p>${esc(resultsLine(c))}</p>
${notAssessedLine(c) ? `<p class="not-assessed">${esc(notAssessedLine(c))}</p>` : ''}
${clauseDeadlineLine(c) ? `<p class="deadlines"><strong>${esc(clauseDeadlineLine(c))}</strong></p>` : ''}
${c.tally.failing.length ? `<h3>Failing resources (${c.tally.failingTotal})</h3><ul>${c.tally.failing.map(itemHtml).join('')}</ul>${c.tally.failingTotal > c.tally.failing.length ? `<p>… and ${c.tally.failingTotal - c.tally.failing.length} more in the findings document.</p>` : ''}` : ''}
${c.tally.errors.length ? `<h3>Not evaluable (${c.tally.errorsTotal})</h3><ul>${c.tally.errors.map((i) => `<li>${esc(i.name || i.resource)} <code>${esc(i.resource)}</code>: ${esc(i.error ?? i.message)}</li>`).join('')}</ul>` : ''}
${c.tally.muted.length ? `<h3>Accepted exceptions (muted failures)</h3><ul>${c.tally.muted.map((i) => `<li>${esc(i.name || i.resource)} <code>${esc(i.check)}</code>: ${esc(i.mute ?? '')}</li>`).join('')}</ul>` : ''}
</section>`).join('\n');
  const attest = attestations(clauses, summary).map((a) => {
    const signed = signOff(a.state, a.status);
    return `<div class="attestation" id="attestation-${esc(a.obligation.id)}"><h3><code>${esc(a.obligation.id)}</code> ${esc(a.obligation.title)} <small>(${a.obligation.verification === 'manual' ? 'manual' : 'partly automated'})</small></h3><p>${esc(a.obligation.description)}</p><p>Clauses: ${esc(a.clauses.join(', '))}</p>` +
      `${signed ? `<p class="sign-off ${a.state?.status ?? ''}"><strong>${esc(signed.headline)}</strong> ${esc(signed.detail)}</p>` : ''}` +
      `${signed?.lapsed !== false ? '<p>☐ Met. Attested by: ____________________ Role: ______________ Date: ____________</p>' : ''}</div>`;
  }).join('');
  const signOffs = attestationTotals(summary);
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${CONTRACT_REPORT_CSP}">
<title>Contract compliance: ${esc(title)}</title><style>${REPORT_CSS}</style></head><body>
<header><h1>Contract compliance report</h1><p class="meta">${esc(title)} · profile <code>${esc(summary.contract.id)}</code> · scan <code>${esc(summary.id)}</code> · ${esc(summary.startedAt)} to ${esc(summary.finishedAt)}</p></header>
<main>${summary.complete ? '' : '<p class="warning" role="alert">The scan is incomplete: clauses that depend on resources that could not be evaluated are reported as incomplete, never as met.</p>'}
${signOffs ? `<p class="attestation-totals"><strong>Attestations:</strong> ${esc(signOffs)}</p>` : ''}
${profileHtml(source.profile)}
<p class="legend">${esc(UNIT_NOTE)}</p>
<table class="grid" id="clauses"><thead><tr><th>Clause</th><th>Title</th><th>Status</th><th class="num">Accepted exceptions</th><th class="num">Resources evaluated</th><th class="num">Failing results</th><th class="num">Not evaluable results</th><th class="num">Not assessed results</th></tr></thead><tbody>${rows}</tbody></table>
${htmlDeadlines(summary, source, deadlines)}
${sections}
<section id="attestations"><h2>Attestations</h2><p>${esc(ATTESTATION_NOTE)}</p>${attest || '<p>None for this contract profile.</p>'}</section>
</main></body></html>
`;
}

function profileHtml(profile: ContractProfile | undefined): string {
  if (!profile || (!profile.notes && !profile.source?.document && profile.definitions.length === 0)) return '';
  const definitions = profile.definitions.map((d) => `<tr><td>${esc(d.clause)}</td><td>${esc(d.term)}</td><td>${esc(d.meaning)}</td></tr>`).join('');
  return `<section id="profile"><h2>About this contract profile</h2>${profile.source?.document ? `<p>Source: ${esc(profile.source.document)}</p>` : ''}${profile.notes ? `<p class="notes">Notes: ${esc(profile.notes)}</p>` : ''}` +
    `${definitions ? `<h3>Definitions</h3><table class="grid" id="definitions"><thead><tr><th>Clause</th><th>Term</th><th>Meaning</th></tr></thead><tbody>${definitions}</tbody></table>` : ''}</section>`;
}

/** The contract report has no script: inline styles only. */
export const CONTRACT_REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'";

/**
 * The auditor's view of one contract profile: what the profile says of itself (source, notes,
 * definitions), then per clause its status (met by evidence or by attestation) with the exceptions
 * it accepts, how many resources were evaluated, how many results failed, could not be evaluated
 * (ERROR) or were not assessed for want of a setting (which it names), the failing resources with
 * evidence and remediation, and the obligations no API can prove, signed (valid or expired) or to sign. Only what a clause needs is kept
 * while findings stream (resource ids, and failing or unevaluable items up to a cap).
 */
export function contractFormatter(kind: 'md' | 'html', load: (summary: ScanSummary) => ContractSource = loadContract): Formatter {
  let tallies = new Map<string, ClauseTally>();
  let deadlines = new DeadlineList();
  const tally = (clause: string) => {
    let t = tallies.get(clause);
    if (!t) tallies.set(clause, (t = emptyTally()));
    return t;
  };
  return {
    id: kind === 'md' ? 'contract-md' : 'contract-html',
    extension: kind === 'md' ? 'contract.md' : 'contract.html',
    mediaType: kind === 'md' ? 'text/markdown; charset=utf-8' : 'text/html; charset=utf-8',
    ...(kind === 'html' ? { contentSecurityPolicy: CONTRACT_REPORT_CSP } : {}),
    begin() {
      tallies = new Map();
      deadlines = new DeadlineList();
      return '';
    },
    finding(f) {
      const clauses = new Set(f.obligations.flatMap((o) => o.clauses));
      if (f.dueAt) deadlines.add(item(f), [...clauses], f.lastSeen !== undefined);
      for (const clause of clauses) {
        const t = tally(clause);
        if (f.status === 'ERROR') {
          t.notEvaluable.add(f.resource.id);
          if (t.errorsTotal++ < MAX_ITEMS_PER_CLAUSE) t.errors.push(item(f));
        } else if (f.status === 'NOT_ASSESSED') {
          t.notAssessed.add(f.resource.id);
          t.notAssessedTotal++;
          if (f.notAssessed) t.unset.add(f.notAssessed.setting);
        } else if (f.status === 'PASS' || f.status === 'FAIL') {
          t.evaluated.add(f.resource.id);
          if (f.status === 'FAIL' && f.muted) {
            if (t.mutedTotal++ < MAX_ITEMS_PER_CLAUSE) t.muted.push(item(f));
          } else if (f.status === 'FAIL' && t.failingTotal++ < MAX_ITEMS_PER_CLAUSE) t.failing.push(item(f));
        }
      }
      return '';
    },
    end(summary) {
      const source = load(summary);
      const clauses = views(summary, source, tallies);
      return kind === 'md' ? renderMarkdown(summary, clauses, source, deadlines) : renderHtml(summary, clauses, source, deadlines);
    },
  };
}

import { SEVERITIES, type Remediation } from '../core/check.js';
import { notAssessedText, STATUSES, type Finding, type ObligationRef, type Status } from '../core/finding.js';
import type { AttestationState, MetBy, ScanSummary, StatusCounts } from '../core/summary.js';
import { donut, stackedBars, STATUS_COLOURS } from './html/charts.js';
import { CLIENT_SCRIPT } from './html/client.js';
import { esc, scriptJson } from './html/escape.js';
import { REPORT_CSS } from './html/style.js';
import type { Formatter } from './types.js';

interface CheckEntry { id: string; title: string; duty: string; service: string; remediation: Remediation; obligations: readonly ObligationRef[]; frameworks: Readonly<Record<string, readonly string[]>> }

const STATUS_LABEL: Record<string, string> = {
  met: 'met', 'not-met': 'not met', incomplete: 'incomplete', attestation: 'manual attestation needed', 'not-assessed': 'not assessed', 'not-applicable': 'not applicable',
};

export const badge = (status: string) =>
  `<span class="badge" style="background:${STATUS_COLOURS[status] ?? '#607d8b'}">${esc(STATUS_LABEL[status] ?? status.replace('_', ' '))}</span>`;

const countsCells = (c: StatusCounts) => STATUSES.map((s) => `<td class="num">${c[s]}</td>`).join('');

/** A roll-up's badge, and what was not assessed in it and why, whatever its status. */
const rollUpCell = (r: { readonly status: string; readonly notAssessed: readonly string[]; readonly metBy?: MetBy | readonly MetBy[] | undefined; readonly attestation?: AttestationState | undefined }) =>
  `<td>${badge(r.status)}${r.metBy?.includes('attestation') ? ` <small class="met-by">by ${esc([r.metBy].flat().join(' and '))}</small>` : ''}${r.attestation?.status === 'expired' ? ` <small class="expired">attestation expired on ${esc(r.attestation.expires)}</small>` : ''}${r.notAssessed.length > 0 || r.status === 'not-assessed' ? ` <small class="not-assessed">${esc(notAssessedText(r.notAssessed))}</small>` : ''}</td>`;

/** The findings list shows what needs acting on first. */
const STATUS_RANK: Record<Status, number> = { FAIL: 0, ERROR: 1, NOT_ASSESSED: 2, PASS: 3, NOT_APPLICABLE: 4 };

function summarySection(s: ScanSummary): string {
  const by = s.counts.byStatus;
  const card = (key: string, label: string, value: number, cls = '') =>
    `<div class="card ${cls}"><div class="card-value" data-testid="count-${esc(key)}">${value}</div><div class="card-label">${esc(label)}</div></div>`;
  const duties = Object.entries(s.counts.byDuty).map(([duty, c]) => ({ label: duty, parts: STATUSES.map((k) => ({ key: k, value: (c as StatusCounts)[k] })) }));
  const severityRows = SEVERITIES.map((sev) => ({ label: sev, parts: [{ key: 'FAIL', value: s.counts.failBySeverity[sev] }] }));
  const obligations = s.obligations.map((o) =>
    `<tr><td><code>${esc(o.id)}</code></td><td>${esc(o.title)}</td>${rollUpCell(o)}<td>${esc(o.clauses.join(', '))}</td>${countsCells(o.counts)}</tr>`).join('');
  const clauses = s.clauses.map((c) =>
    `<tr><td><strong>${esc(c.clause)}</strong></td><td>${esc(c.title)}</td>${rollUpCell(c)}<td>${esc(c.obligations.join(', '))}</td>${countsCells(c.counts)}</tr>`).join('');
  const errors = s.errors.map((e) =>
    `<tr><td><code>${esc(e.code)}</code></td><td><code>${esc(e.operation)}</code></td><td>${esc([e.provider, e.account, e.region].filter(Boolean).join(' '))}</td><td>${esc(e.message)}</td></tr>`).join('');
  const unset = Object.entries(s.notAssessed).map(([setting, n]) => `<tr><td><code>${esc(setting)}</code></td><td class="num">${n}</td></tr>`).join('');
  const undelivered = Object.entries(s.undelivered);
  const head = STATUSES.map((st) => `<th class="num">${esc(st.replace('_', ' '))}</th>`).join('');
  return `
<section id="summary" aria-labelledby="summary-h">
  <h2 id="summary-h">Summary</h2>
  <div class="cards">
    ${card('total', 'findings', s.findings)}
    ${card('PASS', 'pass', by.PASS, 's-PASS')}
    ${card('FAIL', 'fail', by.FAIL, 's-FAIL')}
    ${card('ERROR', 'error (not evaluable)', by.ERROR, 's-ERROR')}
    ${card('NOT_ASSESSED', 'not assessed (a setting is empty)', by.NOT_ASSESSED, 's-NOT_ASSESSED')}
    ${card('NOT_APPLICABLE', 'not applicable', by.NOT_APPLICABLE)}
    ${card('muted', 'muted', s.counts.muted)}
  </div>
  ${s.complete ? '' : '<p class="warning" role="alert">The scan is incomplete: some resources could not be evaluated (see ERROR findings and the errors below). Nothing below counts them as passing.</p>'}
  <p class="legend">${STATUSES.map((k) => `<span><i style="background:${STATUS_COLOURS[k]}"></i>${esc(k.replace('_', ' '))}</span>`).join(' ')}</p>
  <div class="charts">
    <figure>${donut(STATUSES.map((k) => ({ label: k, value: by[k], colour: STATUS_COLOURS[k] as string })), 'Findings by status')}<figcaption>By status</figcaption></figure>
    <figure>${stackedBars(duties, 'Findings by duty and status')}<figcaption>By duty</figcaption></figure>
    <figure>${stackedBars(severityRows, 'Unmuted failures by severity', 360)}<figcaption>Failures by severity</figcaption></figure>
  </div>
  <h3>Contract clauses: ${esc(s.contract.title)} <small>(${esc(s.contract.id)})</small></h3>
  <table class="grid" id="clauses"><caption>Results (one check on one resource) by status, each counted once per clause</caption><thead><tr><th>Clause</th><th>Title</th><th>Status</th><th>Obligations</th>${head}</tr></thead><tbody>${clauses}</tbody></table>
  <h3>Obligations</h3>
  <table class="grid" id="obligations"><caption>Results (one check on one resource) by status, each counted once per obligation</caption><thead><tr><th>Obligation</th><th>Title</th><th>Status</th><th>Clauses</th>${head}</tr></thead><tbody>${obligations}</tbody></table>
  ${unset ? `<h3>What was not assessed</h3><p>These settings are empty, so the checks judged against them did not look: set them and scan again.</p><table class="grid" id="not-assessed"><thead><tr><th>Setting</th><th class="num">Results</th></tr></thead><tbody>${unset}</tbody></table>` : ''}
  ${errors ? `<h3>What could not be read</h3><table class="grid" id="errors"><thead><tr><th>Code</th><th>Operation</th><th>Where</th><th>Message</th></tr></thead><tbody>${errors}</tbody></table>` : ''}
  ${undelivered.length ? `<p class="warning">Findings not delivered to sinks (spooled for replay): ${undelivered.map(([n, c]) => `${esc(n)} ${c}`).join(', ')}</p>` : ''}
</section>`;
}

/**
 * One self-contained HTML file: the summary (per duty, obligation and clause, with inline SVG
 * charts) rendered on the server side, and the findings embedded as compact JSON rows that an
 * inline script filters and renders lazily. Rows stream as findings arrive; the check and
 * account tables they index into follow them.
 */
/** Inline styles and scripts only (the report is one self-contained file); nothing is fetched. */
export const HTML_REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:";

export function htmlFormatter(): Formatter {
  let checks = new Map<string, number>();
  let checkList: CheckEntry[] = [];
  let accounts = new Map<string, number>();
  let accountList: [string, string, string][] = [];
  return {
    id: 'html',
    extension: 'html',
    mediaType: 'text/html; charset=utf-8',
    contentSecurityPolicy: HTML_REPORT_CSP,
    begin() {
      checks = new Map();
      checkList = [];
      accounts = new Map();
      accountList = [];
      return '';
    },
    header(s: ScanSummary) {
      return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${HTML_REPORT_CSP}">
<title>dutyscan: ${esc(s.contract.title)}</title><style>${REPORT_CSS}</style></head>
<body>
<header><h1>dutyscan report</h1>
<p class="meta">Contract <strong>${esc(s.contract.title)}</strong> · scan <code>${esc(s.id)}</code> · ${esc(s.startedAt)} to ${esc(s.finishedAt)} (${(s.durationMs / 1000).toFixed(1)} s) · source ${esc(s.source)} · providers ${esc(s.providers.join(', ') || 'none')} · scopes ${s.scopes.done}/${s.scopes.planned} · dutyscan ${esc(s.tool.version)}</p></header>
<main>
${summarySection(s)}
<section id="findings" aria-labelledby="findings-h">
  <h2 id="findings-h">Findings</h2>
  <div class="filters" role="search">
    <select id="f-status"><option value="">all statuses</option></select>
    <select id="f-severity"><option value="">all severities</option></select>
    <select id="f-provider"><option value="">all providers</option></select>
    <select id="f-account"><option value="">all accounts</option></select>
    <select id="f-region"><option value="">all regions</option></select>
    <select id="f-duty"><option value="">all duties</option></select>
    <label><input type="checkbox" id="f-muted" checked> include muted</label>
    <input type="search" id="f-search" placeholder="resource id or name" aria-label="search resources">
    <span id="shown-count" aria-live="polite"></span>
  </div>
  <div class="table-head" role="row"><span>Status</span><span>Severity</span><span>Check</span><span>Resource</span><span>Account</span><span>Region</span></div>
  <div id="viewport" role="table" aria-label="findings"><div id="spacer"></div><div id="rows"></div></div>
  <aside id="detail" hidden aria-live="polite"></aside>
</section>
</main>
<script id="dutyscan-findings" type="application/json">[`;
    },
    finding(f: Finding, i: number) {
      let c = checks.get(f.check.id);
      if (c === undefined) {
        c = checkList.length;
        checks.set(f.check.id, c);
        checkList.push({ ...f.check, remediation: f.remediation, obligations: f.obligations, frameworks: f.frameworks });
      }
      const accountKey = `${f.resource.provider}\u0000${f.resource.account}`;
      let a = accounts.get(accountKey);
      if (a === undefined) {
        a = accountList.length;
        accounts.set(accountKey, a);
        accountList.push([f.resource.provider, f.resource.account, f.resource.accountName ?? '']);
      }
      const row = [
        c, STATUSES.indexOf(f.status), SEVERITIES.indexOf(f.severity), f.muted ? 1 : 0, a,
        f.resource.region, f.resource.type, f.resource.id, f.resource.name, f.message,
        f.resource.tags, f.evidence, f.mute ?? null, f.error ?? null, f.firstSeen ?? null, f.lastSeen ?? null, f.notAssessed ?? null,
      ];
      return (i === 0 ? '\n' : ',\n') + scriptJson(row);
    },
    end() {
      return `\n]</script>
<script id="dutyscan-meta" type="application/json">${scriptJson({ checks: checkList, accounts: accountList, statuses: STATUSES, statusRank: STATUSES.map((s) => STATUS_RANK[s]) })}</script>
<script>${CLIENT_SCRIPT}</script>
</body></html>
`;
    },
  };
}

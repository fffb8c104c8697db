import type { Severity } from '../core/check.js';
import { notAssessedText, type Finding } from '../core/finding.js';
import { VERSION } from '../util/version.js';

/** CEF header fields: backslash and pipe escaped; a header cannot span lines. */
export function cefHeader(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r\n|\r|\n/g, ' ');
}

/** CEF extension values: backslash and equals escaped, line breaks as \n and \r. Pipes are literal. */
export function cefValue(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/=/g, '\\=').replace(/\r\n/g, '\\n').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}

const CEF_SEVERITY: Record<Severity, number> = { critical: 10, high: 8, medium: 5, low: 3, info: 1 };

/**
 * ArcSight CEF:0. Signature id = check id, name = check title, severity 0-10 (a PASS or N/A is
 * informational whatever the check's severity). Extension keys are CEF dictionary keys, with
 * custom strings labelled.
 */
export function toCef(f: Finding): string {
  const severity = f.status === 'FAIL' ? CEF_SEVERITY[f.severity] : f.status === 'ERROR' ? 5 : 1;
  const header = ['CEF:0', 'dutyscan', 'dutyscan', VERSION, f.check.id, f.check.title, String(severity)].map((v, i) => (i === 0 ? v : cefHeader(v)));
  const ext: [string, string][] = [
    ['rt', String(Date.parse(f.time))],
    ['externalId', f.id],
    ['outcome', f.status],
    ['cat', f.check.duty],
    ['msg', f.message],
    ['cs1Label', 'account'], ['cs1', f.resource.account],
    ['cs2Label', 'region'], ['cs2', f.resource.region],
    ['cs3Label', 'resourceId'], ['cs3', f.resource.id],
    ['cs4Label', 'obligations'], ['cs4', f.obligations.map((o) => o.id).join(',')],
    ['cs5Label', 'resourceType'], ['cs5', f.resource.type],
    ['cs6Label', 'provider'], ['cs6', f.resource.provider],
    ['cn1Label', 'muted'], ['cn1', f.muted ? '1' : '0'],
  ];
  const pairs = ext;
  pairs.push(['flexString1Label', 'resourceName'], ['flexString1', f.resource.name]);
  if (f.error) pairs.push(['reason', `${f.error.code} ${f.error.operation}`]);
  if (f.notAssessed) pairs.push(['reason', notAssessedText([f.notAssessed.setting])]);
  return `${header.join('|')}|${pairs.map(([k, v]) => `${k}=${cefValue(v)}`).join(' ')}`;
}

/** Parses a CEF line back (for tests and receivers): header fields and extension map, unescaped. */
export function parseCef(line: string): { header: string[]; extension: Record<string, string> } {
  const header: string[] = [];
  let i = 0;
  let field = '';
  while (header.length < 7) {
    const c = line[i];
    if (c === undefined) throw new Error('truncated CEF header');
    if (c === '\\' && (line[i + 1] === '|' || line[i + 1] === '\\')) { field += line[i + 1]; i += 2; continue; }
    if (c === '|') { header.push(field); field = ''; i++; continue; }
    field += c;
    i++;
  }
  const rest = line.slice(i);
  const extension: Record<string, string> = {};
  // Keys are the words followed by an unescaped `=`; a value runs to the next key.
  const keyRe = /(?:^|\s)([A-Za-z0-9_]+)=/g;
  const keys: { key: string; start: number; valueStart: number }[] = [];
  for (let m = keyRe.exec(rest); m; m = keyRe.exec(rest)) {
    const eq = m.index + m[0].length - 1;
    let backslashes = 0;
    for (let j = eq - 1; j >= 0 && rest[j] === '\\'; j--) backslashes++;
    if (backslashes % 2 === 1) continue;
    keys.push({ key: m[1] as string, start: m.index, valueStart: eq + 1 });
  }
  keys.forEach((k, n) => {
    const end = n + 1 < keys.length ? (keys[n + 1] as { start: number }).start : rest.length;
    const raw = rest.slice(k.valueStart, end);
    extension[k.key] = raw.replace(/\\(.)/g, (_m, ch: string) => (ch === 'n' ? '\n' : ch === 'r' ? '\r' : ch));
  });
  return { header, extension };
}

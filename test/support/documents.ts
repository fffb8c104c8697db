/**
 * Reads an output document of any format as its consumer would (a JSON parser, a JSON-lines
 * reader, an RFC 4180 CSV reader, an XML parser, the OCSF schema, the HTML report's embedded
 * data) and checks that it carries exactly the findings it was given, each once.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { expect } from 'vitest';
import type { Finding } from '../../src/core/finding.js';
import { toAsff } from '../../src/output/asff.js';
import { md } from '../../src/output/contract.js';
import { CSV_COLUMNS } from '../../src/output/csv.js';
import { esc } from '../../src/output/html/escape.js';
import { formatter, formatters } from '../../src/output/registry.js';

const ocsfSchema = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'schema', 'ocsf-compliance-finding-1.8.0.json'), 'utf8')) as object;
const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false });
/** The checked-in OCSF 1.8.0 Compliance Finding schema (with the cloud profile). */
export const validateOcsf = ajv.compile(ocsfSchema);

export function expectValidOcsf(event: unknown): void {
  if (!validateOcsf(event)) throw new Error(`invalid OCSF event: ${ajv.errorsText(validateOcsf.errors, { separator: '\n' })}`);
}

// ajv-formats is CommonJS: under NodeNext its default import is the module object.
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;
/** NIST's OSCAL 1.1.2 JSON Schemas (draft-07, vendored unmodified), as NIST's notes prescribe: ajv with ajv-formats. */
function oscalValidator(model: 'assessment-results' | 'poam' | 'catalog'): ValidateFunction {
  const oscal = new Ajv({ allErrors: true });
  addFormats(oscal);
  return oscal.compile(JSON.parse(readFileSync(join(import.meta.dirname, '..', 'schema', 'oscal', `oscal_${model}_schema.json`), 'utf8')) as object);
}
export const validateOscal = { ar: oscalValidator('assessment-results'), poam: oscalValidator('poam'), catalog: oscalValidator('catalog') };

export function expectValidOscal(validate: ValidateFunction, doc: unknown): void {
  if (!validate(doc)) throw new Error(`invalid OSCAL document: ${JSON.stringify(validate.errors?.slice(0, 5), null, 1)}`);
}

/** A strict RFC 4180 reader: quoted fields, doubled quotes, CRLF records. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  while (i < text.length) {
    let cell = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        const j = text.indexOf('"', i);
        if (j < 0) throw new Error('unterminated quote');
        cell += text.slice(i, j);
        if (text[j + 1] === '"') { cell += '"'; i = j + 2; } else { i = j + 1; break; }
      }
    } else {
      const m = /[,\r]/.exec(text.slice(i));
      const end = m ? i + m.index : text.length;
      cell = text.slice(i, end);
      if (cell.includes('"') || cell.includes('\n')) throw new Error(`bare quote or LF in unquoted cell: ${cell}`);
      i = end;
    }
    row.push(cell);
    if (text[i] === ',') i++;
    else if (text.startsWith('\r\n', i)) { rows.push(row); row = []; i += 2; }
    else if (i < text.length) throw new Error(`unexpected ${text[i]} at ${i}`);
  }
  if (row.length > 0) rows.push(row);
  return rows;
}

const sorted = (values: readonly string[]) => [...values].sort();
const idsOf = (findings: readonly Finding[]) => sorted(findings.map((f) => f.id));
const lines = (text: string) => text.split('\n').filter((l) => l !== '');
const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => name === 'testsuite' || name === 'testcase' });

/** What a contract report must name: every unmuted failure and every finding it could not evaluate. */
const reportable = (findings: readonly Finding[]) => findings.filter((f) => (f.status === 'FAIL' && !f.muted) || f.status === 'ERROR');

/**
 * Parses `text` as a document of `format` and expects it to be whole: valid for its format and
 * carrying each of `findings` exactly once (the contract reports: naming each finding a clause
 * must list; the terminal table: every failure and error counted in its group).
 */
export function expectWhole(format: string, text: string, findings: readonly Finding[]): void {
  switch (format) {
    case 'json': {
      const doc = JSON.parse(text) as { scan: { findings: number }; findings: Finding[] };
      expect(doc.scan.findings).toBe(findings.length);
      expect(idsOf(doc.findings)).toEqual(idsOf(findings));
      return;
    }
    case 'jsonl':
      expect(sorted(lines(text).map((l) => (JSON.parse(l) as Finding).id))).toEqual(idsOf(findings));
      return;
    case 'csv': {
      const [header, ...rows] = parseCsv(text);
      expect(header).toEqual([...CSV_COLUMNS]);
      for (const row of rows) expect(row).toHaveLength(CSV_COLUMNS.length);
      expect(sorted(rows.map((r) => r[CSV_COLUMNS.indexOf('id')]!))).toEqual(idsOf(findings));
      return;
    }
    case 'ocsf':
    case 'ocsf-json': {
      const events = (format === 'ocsf' ? lines(text).map((l) => JSON.parse(l) as unknown) : (JSON.parse(text) as unknown[])) as { finding_info: { uid: string } }[];
      events.forEach(expectValidOcsf);
      expect(sorted(events.map((e) => e.finding_info.uid))).toEqual(idsOf(findings));
      return;
    }
    case 'asff': {
      const imported = JSON.parse(text) as { ProductFields: Record<string, string> }[];
      expect(sorted(imported.map((a) => a.ProductFields['dutyscan/findingId']!))).toEqual(idsOf(findings.filter((f) => toAsff(f))));
      return;
    }
    case 'sarif': {
      // Code-scanning dashboards alert on every result: SARIF carries the failures, ERRORs as notifications.
      const doc = JSON.parse(text) as { version: string; runs: { results: { partialFingerprints: Record<string, string> }[]; invocations: { toolExecutionNotifications: { level: string }[] }[] }[] };
      expect(doc.version).toBe('2.1.0');
      expect(sorted(doc.runs[0]!.results.map((r) => r.partialFingerprints['dutyscanFindingId/v1']!))).toEqual(idsOf(findings.filter((f) => f.status === 'FAIL')));
      expect(doc.runs[0]!.invocations[0]!.toolExecutionNotifications.filter((n) => n.level === 'error')).toHaveLength(findings.filter((f) => f.status === 'ERROR').length);
      return;
    }
    case 'oscal': {
      const doc = JSON.parse(text) as { 'assessment-results': { results: { observations?: { props: { name: string; value: string }[] }[] }[] } };
      expectValidOscal(validateOscal.ar, doc);
      const observed = (doc['assessment-results'].results[0]!.observations ?? []).map((o) => o.props.find((p) => p.name === 'finding-id')!.value);
      expect(sorted(observed)).toEqual(idsOf(findings));
      return;
    }
    case 'oscal-poam': {
      const doc = JSON.parse(text) as { 'plan-of-action-and-milestones': { 'poam-items': { props?: { name: string; value: string }[] }[] } };
      expectValidOscal(validateOscal.poam, doc);
      const items = doc['plan-of-action-and-milestones']['poam-items'].flatMap((i) => i.props?.filter((p) => p.name === 'finding-id').map((p) => p.value) ?? []);
      expect(sorted(items)).toEqual(idsOf(findings.filter((f) => !f.muted && (f.status === 'FAIL' || f.status === 'ERROR'))));
      return;
    }
    case 'junit': {
      expect(XMLValidator.validate(text)).toBe(true);
      const doc = xml.parse(text) as { testsuites: { tests: string; testsuite?: { testcase: { classname: string }[] }[] } };
      const cases = (doc.testsuites.testsuite ?? []).flatMap((s) => s.testcase);
      expect(Number(doc.testsuites.tests)).toBe(findings.length);
      expect(sorted(cases.map((c) => c.classname))).toEqual(sorted(findings.map((f) => f.check.id)));
      return;
    }
    case 'html': {
      const data = (id: string) => JSON.parse(new RegExp(`<script id="${id}" type="application/json">([^<]*)</script>`).exec(text)![1]!) as unknown;
      const rows = data('dutyscan-findings') as unknown[][];
      expect(data('dutyscan-meta')).toHaveProperty('checks');
      expect(sorted(rows.map((r) => r[7] as string))).toEqual(sorted(findings.map((f) => f.resource.id)));
      return;
    }
    case 'contract-md':
      for (const f of reportable(findings)) expect(text, f.resource.id).toContain(`(${md(f.resource.id)}, `);
      return;
    case 'contract-html':
      for (const f of reportable(findings)) expect(text, f.resource.id).toContain(`<code>${esc(f.resource.id)}</code>`);
      return;
    case 'table': {
      // Failures grouped by check (`FAIL  high  check-id  3`), errors by cause (`ERROR  CODE  operation  3 results in 2 checks`).
      const sum = (re: RegExp) => [...text.matchAll(re)].reduce((n, m) => n + Number(m[1]), 0);
      expect(sum(/^FAIL\*? +\S+ +\S+ +(\d+)$/gm)).toBe(findings.filter((f) => f.status === 'FAIL').length);
      expect(sum(/^ERROR +\S+ +\S+ +(\d+) results? in \d+ checks?$/gm)).toBe(findings.filter((f) => f.status === 'ERROR').length);
      return;
    }
    default:
      throw new Error(`no reader for the format "${format}": teach test/support/documents.ts to read it`);
  }
}

/** The files `dutyscan scan --output-dir dir` wrote (dutyscan-STAMP.EXTENSION), by format id. */
export function outputsIn(dir: string): Map<string, string> {
  const byExtension = new Map([...formatters.keys()].map((id) => [formatter(id).extension, id]));
  return new Map(readdirSync(dir).map((name) => {
    const id = byExtension.get(name.slice(name.indexOf('.') + 1));
    if (!id) throw new Error(`${name}: not a file of any format`);
    return [id, readFileSync(join(dir, name), 'utf8')];
  }));
}

/** Every file a scan wrote is whole and carries what its JSON document does. */
export function expectWholeOutputs(dir: string): void {
  const outputs = outputsIn(dir);
  const { findings } = JSON.parse(outputs.get('json') ?? '{}') as { findings: Finding[] };
  for (const [id, text] of outputs) expectWhole(id, text, findings);
}

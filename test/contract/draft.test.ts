import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyseContract, draftProfile, type Analysis } from '../../src/contract/draft.js';
import { loadCatalog, type Catalog } from '../../src/mapping/catalog.js';
import { docxOf, launchChromium, pdfOf } from './documents.js';

/**
 * contract draft on contracts the team wrote (test/fixtures/contracts), in each form a user has
 * them: the text or Markdown as written, a DOCX and a PDF built from it. The expectations were
 * written by reading the contracts, not from the drafter's output.
 */

interface Expected {
  title: string;
  parties: { customer: string; provider: string };
  truncated: string;
  truncation?: string;
  definitions: { clause: string; term: string }[];
  clauses: { id: string; parent?: string; duty: string; obligations?: string[]; relies_on?: string[] }[];
}

const fixtures = join(import.meta.dirname, '..', 'fixtures', 'contracts');
const CONTRACTS = [
  { name: 'en-hosting-agreement', source: 'en-hosting-agreement.md' },
  { name: 'zh-cloud-hosting', source: 'zh-cloud-hosting.txt' },
  { name: 'en-msa-security-schedule', source: 'en-msa-security-schedule.txt' },
  { name: 'zh-saas-data-terms', source: 'zh-saas-data-terms.txt' },
] as const;
const FORMATS = ['source', 'docx', 'pdf'] as const;

const PRECISION = 0.9;
const RECALL = 0.8;

const dir = mkdtempSync(join(tmpdir(), 'dutyscan-contracts-'));
const files = new Map<string, string>();
let catalog: Catalog;

beforeAll(async () => {
  catalog = loadCatalog();
  const browser = await launchChromium();
  try {
    for (const c of CONTRACTS) {
      const source = readFileSync(join(fixtures, c.source), 'utf8');
      files.set(`${c.name}/source`, join(fixtures, c.source));
      const docx = join(dir, `${c.name}.docx`);
      writeFileSync(docx, await docxOf(source));
      files.set(`${c.name}/docx`, docx);
      const pdf = join(dir, `${c.name}.pdf`);
      writeFileSync(pdf, await pdfOf(browser, source));
      files.set(`${c.name}/pdf`, pdf);
    }
  } finally {
    await browser.close();
  }
}, 120_000);

const scores: { contract: string; format: string; tp: number; fp: number; fn: number }[] = [];

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  const sum = (k: 'tp' | 'fp' | 'fn') => scores.reduce((n, s) => n + s[k], 0);
  const line = (label: string, tp: number, fp: number, fn: number) =>
    `${label.padEnd(34)} precision ${(tp / (tp + fp)).toFixed(3)}  recall ${(tp / (tp + fn)).toFixed(3)}  (${tp} right, ${fp} wrong, ${fn} missed)`;
  if (scores.length > 0) {
    console.log(['(clause, obligation) pairs against the hand-written expectations:', ...scores.map((s) => line(`${s.contract} (${s.format})`, s.tp, s.fp, s.fn)), line('all', sum('tp'), sum('fp'), sum('fn'))].join('\n'));
  }
});

const pairs = (list: { id: string; obligations?: readonly string[] }[]) => new Set(list.flatMap((c) => (c.obligations ?? []).map((o) => `${c.id} ${o}`)));

describe.each(CONTRACTS.flatMap((c) => FORMATS.map((format) => ({ ...c, format }))))('$name ($format)', ({ name, format }) => {
  const expected = parse(readFileSync(join(fixtures, `${name}.expected.yaml`), 'utf8')) as Expected;
  let analysis: Analysis;
  beforeAll(async () => {
    analysis = await analyseContract(files.get(`${name}/${format}`)!, catalog);
  });

  it('finds every numbered clause, in order, under its parent', () => {
    expect(analysis.segmented.clauses.map((c) => [c.id, c.parent ?? null])).toEqual(expected.clauses.map((c) => [c.id, c.parent ?? null]));
  });

  it('reads the title, the parties, the definitions and where the source is cut off', () => {
    expect(analysis.segmented.title).toBe(expected.title);
    expect({ customer: analysis.parties.customer.label, provider: analysis.parties.provider?.label }).toEqual(expected.parties);
    expect(analysis.definitions.map((d) => ({ clause: d.clause, term: d.term }))).toEqual(expected.definitions);
    expect(analysis.segmented.truncation).toMatchObject({ clause: expected.truncated, how: expected.truncation ?? 'mid-sentence' });
  });

  it('says whose duty each clause states', () => {
    expect(analysis.duties.map((d) => `${d.clause.id}: ${d.attribution.holder}`)).toEqual(expected.clauses.map((c) => `${c.id}: ${c.duty}`));
  });

  it(`maps the customer's clauses to obligations with precision >= ${PRECISION} and recall >= ${RECALL}, and only from customer or shared duties`, () => {
    const profile = draftProfile(analysis, name, `${name}.review.md`);
    const want = pairs(expected.clauses);
    const got = pairs(profile.clauses);
    const tp = [...got].filter((p) => want.has(p)).length;
    scores.push({ contract: name, format, tp, fp: got.size - tp, fn: want.size - tp });
    expect({ wrong: [...got].filter((p) => !want.has(p)), missed: [...want].filter((p) => !got.has(p)) }).toBeDefined();
    expect(tp / got.size).toBeGreaterThanOrEqual(PRECISION);
    expect(tp / want.size).toBeGreaterThanOrEqual(RECALL);
    const duty = new Map(expected.clauses.map((c) => [c.id, c.duty]));
    for (const c of profile.clauses) {
      expect(['customer', 'both'], c.id).toContain(duty.get(c.id));
      expect(c.review).toBe('required');
    }
  });

  it('names the definitions each mapped clause relies on', () => {
    const profile = draftProfile(analysis, name, `${name}.review.md`);
    const want = Object.fromEntries(expected.clauses.filter((c) => c.obligations).map((c) => [c.id, c.relies_on ?? []]));
    expect(Object.fromEntries(profile.clauses.map((c) => [c.id, c.relies_on]))).toEqual(want);
    expect(profile.definitions.map((d) => d.clause).sort()).toEqual([...new Set(Object.values(want).flat())].sort());
  });

  it("says in the profile's notes that the source is cut off, quoting where it stops", () => {
    const notes = draftProfile(analysis, name, `${name}.review.md`).notes ?? '';
    expect(notes).toContain(`cut off in clause ${expected.truncated}`);
    expect(notes).toContain(analysis.segmented.truncation!.ending);
  });
});

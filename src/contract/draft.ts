import { basename, extname } from 'node:path';
import { Document, isMap, isScalar, isSeq, Scalar } from 'yaml';
import type { Catalog } from '../mapping/catalog.js';
import type { ContractProfile } from '../mapping/schema.js';
import { attributeDuties, type ClauseDuty } from './duties.js';
import { compileLexicon, lexiconFile, loadLexicon, type Lang } from './lexicon.js';
import { identifyParties, type Parties } from './parties.js';
import { segment, type Segmented } from './segment.js';
import { findDefinitions, termsUsed, type Definition } from './terms.js';
import { detectLanguage, readContract, type SourceFormat } from './text.js';

/** Everything the drafter read from a contract, before it becomes a profile. */
export interface Analysis {
  readonly file: string;
  readonly format: SourceFormat;
  readonly lang: Lang;
  readonly lexicon: string;
  readonly segmented: Segmented;
  readonly definitions: readonly Definition[];
  readonly parties: Parties;
  readonly duties: readonly ClauseDuty[];
}

export interface AnalyseOptions {
  readonly lang?: Lang | undefined;
  readonly customer?: string | undefined;
}

export async function analyseContract(file: string, catalog: Catalog, options: AnalyseOptions = {}): Promise<Analysis> {
  const source = await readContract(file);
  const lang = options.lang ?? detectLanguage(source.lines);
  const lexicon = compileLexicon(loadLexicon(new Set(catalog.obligations.keys())), lang, lexiconFile());
  const segmented = segment(source.lines, lexicon);
  const definitions = findDefinitions(segmented, lexicon);
  const parties = identifyParties(segmented, definitions, lexicon, options.customer);
  const duties = attributeDuties(segmented, parties, definitions, lexicon);
  return { file, format: source.format, lang, lexicon: lexicon.file, segmented, definitions, parties, duties };
}

/** A profile id from the output file's name: profile ids are file names in config/contracts/. */
export function profileIdFor(output: string): string {
  const id = basename(output, extname(output)).toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return id || 'contract';
}

const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();
const excerpt = (s: string, max: number) => {
  const chars = [...oneLine(s)];
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max - 1).join('')}…`;
};

/** The clauses the profile keeps: the customer's (alone or with the provider) that map to an obligation. */
export const profiled = (analysis: Analysis): ClauseDuty[] =>
  analysis.duties.filter((d) => (d.attribution.holder === 'customer' || d.attribution.holder === 'both') && d.mappings.length > 0);

/** Definitions a clause relies on: the defined terms it uses, other than the parties' own names. */
export function reliesOn(duty: ClauseDuty, analysis: Analysis): Definition[] {
  const partyLabels = new Set(analysis.parties.all.map((p) => p.label));
  const candidates = analysis.definitions.filter((d) => d.clause !== duty.clause.id && !partyLabels.has(d.term));
  return termsUsed(`${duty.clause.title}\n${duty.clause.text}`, candidates);
}

const labelOf = (d: ClauseDuty) => `${d.clause.id}${d.clause.title ? ` ${d.clause.title}` : ''}`;

function notes(analysis: Analysis, report: string): string {
  const { parties, segmented } = analysis;
  const party = (p: Parties['customer']) => `${p.label}${p.name ? ` (${excerpt(p.name, 60)})` : ''}`;
  const lines = [
    `Drafted by dutyscan contract draft from ${basename(analysis.file)} and not yet reviewed: every clause carries “review: required” until a person has checked it against the contract (reasons and confidences: ${report}).`,
    `Customer: ${party(parties.customer)}${parties.provider ? `; provider: ${party(parties.provider)}` : '; the provider could not be told'}.`,
  ];
  const provider = analysis.duties.filter((d) => d.attribution.holder === 'provider');
  if (provider.length > 0) lines.push(`The provider's clauses are its own duties and are not mapped: ${provider.map(labelOf).join('; ')}.`);
  const both = analysis.duties.filter((d) => d.attribution.holder === 'both' && d.mappings.length > 0);
  if (both.length > 0) lines.push(`Clauses that give both parties duties are mapped for the customer's part only and need a person's reading: ${both.map((d) => d.clause.id).join(', ')}.`);
  const t = segmented.truncation;
  if (t) {
    const how = t.how === 'mid-sentence' ? 'in the middle of a sentence' : t.how === 'list announced' ? 'after announcing a list that never comes' : 'after a heading with no text';
    lines.push(
      `The source is cut off in clause ${t.clause}: its text stops ${how}, ending with “${t.ending}”. Nothing after that point is in the source and nothing has been drafted for it; the mapping of ${t.clause} rests on its heading and the words that survive.`,
    );
  }
  if (segmented.trailing.length > 0) {
    lines.push(`Text after the last clause that does not read as contract text was left out: ${segmented.trailing.map((p) => `“${excerpt(p.text, 40)}”`).join(', ')}.`);
  }
  return lines.join(' ');
}

/** The draft profile: the customer's mapped clauses, each marked for review, in the schema of config/contracts/. */
export function draftProfile(analysis: Analysis, id: string, reportName: string): ContractProfile {
  const clauses = profiled(analysis).map((d) => ({
    id: d.clause.id,
    title: d.clause.title || excerpt(d.clause.text, 60),
    summary: excerpt(d.clause.text, 800),
    relies_on: reliesOn(d, analysis).map((def) => def.clause).filter((c, i, all) => all.indexOf(c) === i),
    obligations: d.mappings.map((m) => m.obligation),
    review: 'required' as const,
  }));
  const relied = new Set(clauses.flatMap((c) => c.relies_on));
  const title = analysis.segmented.title ?? basename(analysis.file);
  return {
    id,
    title,
    source: { document: `${title} (${basename(analysis.file)})`, language: analysis.lang },
    notes: notes(analysis, reportName),
    definitions: analysis.definitions.filter((d) => relied.has(d.clause)).map((d) => ({ clause: d.clause, term: d.term, meaning: oneLine(d.meaning) })),
    clauses,
  };
}

/** The profile as YAML, each clause preceded by a comment saying why it is there. */
export function profileYaml(profile: ContractProfile, analysis: Analysis, reportName: string): string {
  const doc = new Document(profile);
  // Prose as folded blocks (>-), as the hand-written profiles have it.
  const fold = (node: unknown) => { if (isScalar(node) && typeof node.value === 'string' && node.value.length > 60) node.type = Scalar.BLOCK_FOLDED; };
  fold(doc.get('notes', true));
  for (const key of ['clauses', 'definitions']) {
    const seq = doc.get(key, true);
    if (isSeq(seq)) for (const item of seq.items) if (isMap(item)) for (const field of ['summary', 'meaning']) fold(item.get(field, true));
  }
  doc.commentBefore = [
    ` Draft contract profile written by dutyscan contract draft from ${basename(analysis.file)}.`,
    ' Every clause carries "review: required": check its obligations and relies_on against the contract,',
    ` then delete the marker. The reasons and confidences are in ${reportName}; check with: dutyscan contract lint FILE`,
  ].join('\n');
  const clauses = doc.get('clauses', true);
  if (isSeq(clauses)) {
    const byId = new Map(analysis.duties.map((d) => [d.clause.id, d]));
    clauses.items.forEach((node, i) => {
      const duty = byId.get(profile.clauses[i]!.id);
      if (!duty || !isMap(node)) return;
      const a = duty.attribution;
      node.commentBefore = [
        ` ${duty.clause.id}: ${a.holder === 'both' ? "both parties' duties, customer's part mapped" : 'customer duty'} (${a.evidence.slice(0, 2).map((e) => excerpt(e, 40)).join('; ')}; ${a.confidence})`,
        ...duty.mappings.map((m) => `   ${m.obligation} ${m.confidence}: ${m.reasons.map((r) => (r.kind === 'implied' ? `implied by ${r.phrase}` : r.phrase)).join(', ')}`),
      ].join('\n');
    });
  }
  return doc.toString({ lineWidth: 100, minContentWidth: 40 });
}

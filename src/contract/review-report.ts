import { basename, relative } from 'node:path';
import { packageRoot } from '../util/paths.js';
import type { ContractProfile } from '../mapping/schema.js';
import { profiled, reliesOn, type Analysis } from './draft.js';
import type { ClauseDuty, Reason } from './duties.js';
import { termsUsed } from './terms.js';

const FORMATS = { text: 'plain text', markdown: 'Markdown', docx: 'DOCX', pdf: 'PDF' } as const;
const LANGUAGES = { en: 'English', zh: 'Chinese' } as const;
const HOW = {
  subject: 'the clause names the party and its duty',
  list: 'an item of the list its parent introduces',
  heading: 'the clause names no party; the heading above it does',
  exclusion: 'the clause limits liability',
  definition: 'a definition',
  'heading-only': 'a heading with no text of its own',
  none: 'no party is given a duty',
} as const;
const KIND: Record<Reason['kind'], string> = {
  term: 'names it',
  qualified: 'encryption, said of this',
  broad: 'encryption without saying at rest or in transit: both mapped',
  topic: 'names the whole area',
  implied: 'implied by',
};

/** Table-safe text: one line, no pipes. */
const cell = (s: string) => s.replace(/\s+/g, ' ').replace(/\|/g, '\\|').trim();
const quote = (s: string, max = 280) => {
  const chars = [...cell(s)];
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max - 1).join('')}…`;
};
const title = (d: ClauseDuty) => `${d.clause.id}${d.clause.title ? ` ${d.clause.title}` : ''}`;
const why = (r: Reason) => (r.kind === 'implied' ? `implied by ${r.phrase}` : `“${r.phrase}”${r.where === 'heading' ? ' (heading)' : ''} — ${KIND[r.kind]}`);

function table(head: readonly string[], rows: readonly (readonly string[])[]): string[] {
  if (rows.length === 0) return ['_None._'];
  return [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`)];
}

/**
 * The Markdown a reviewer works through beside the draft profile: who the parties are, where the
 * source stops, and for every clause whose duty it is and why each obligation was mapped.
 */
export function reviewReport(analysis: Analysis, profile: ContractProfile, profileFile: string): string {
  const { segmented, parties, duties } = analysis;
  const inProfile = profiled(analysis);
  const by = (holder: string) => duties.filter((d) => d.attribution.holder === holder);
  const customerUnmapped = by('customer').filter((d) => d.mappings.length === 0);
  const bothUnmapped = by('both').filter((d) => d.mappings.length === 0);
  const notDuties = by('neither');
  const profileName = basename(profileFile);
  const out: string[] = [];

  out.push(`# Review: ${profile.title}`, '');
  out.push(
    `Draft profile \`${profileName}\` (id \`${profile.id}\`) from \`${basename(analysis.file)}\` (${FORMATS[analysis.format]}, ${LANGUAGES[analysis.lang]}), ` +
      `read with dutyscan's \`${relative(packageRoot, analysis.lexicon)}\`.`,
    '',
    'Nothing here has been checked by a person. Every clause of the profile carries `review: required`: read it against the ' +
      'contract, correct its obligations and `relies_on`, then delete the marker. ' +
      `\`dutyscan contract lint ${profileName}\` lists what is still unreviewed, and \`dutyscan scan --contract ${profileName}\` warns while anything is.`,
    '',
  );

  out.push('## Summary', '');
  out.push(...table(['', 'clauses'], [
    ['numbered clauses found', String(segmented.clauses.length)],
    ["customer's duties, mapped (in the profile)", String(inProfile.filter((d) => d.attribution.holder === 'customer').length)],
    ["both parties' duties, customer's part mapped (in the profile)", String(inProfile.filter((d) => d.attribution.holder === 'both').length)],
    ["customer's or both parties' duties with no catalog obligation", String(customerUnmapped.length + bothUnmapped.length)],
    ["provider's duties (listed, not mapped)", String(by('provider').length)],
    ['not duties (definitions, headings, liability exclusions, no party)', String(notDuties.length)],
    ['source', segmented.truncation ? `cut off in ${segmented.truncation.clause}` : 'complete (ends with a finished sentence)'],
  ]), '');

  out.push('## Parties', '');
  out.push(...table(['role', 'named in the clauses as', 'name', 'how we know'], parties.all.map((p) => [
    p === parties.customer ? 'customer' : p === parties.provider ? 'provider' : p.role ?? 'unknown',
    p.label,
    p.name ?? '',
    `${p.how === 'convention' ? 'convention (Party A buys, Party B provides): ' : p.how === 'usage' ? 'the words the clauses use: ' : `${p.how}: `}${quote(p.evidence, 120)}`,
  ])), '');
  if (!parties.provider) out.push('The provider could not be told: clauses that name no customer duty are listed as not duties.', '');

  out.push('## Source', '');
  const t = segmented.truncation;
  out.push(t
    ? `- **Cut off** in clause ${t.clause} (${t.how}): the text ends with “${cell(t.ending)}”. Nothing after it is in the source; the profile's notes say so and nothing has been invented for it.`
    : '- Complete: the last clause ends with a finished sentence.');
  if (segmented.trailing.length > 0) out.push(`- Left out after the last clause (not contract text): ${segmented.trailing.map((p) => `“${quote(p.text, 60)}” (line ${p.line})`).join(', ')}.`);
  if (segmented.unplaced.length > 0) out.push(`- Outside any numbered clause: ${segmented.unplaced.map((p) => `“${quote(p.text, 60)}” (line ${p.line})`).join(', ')}.`);
  for (const r of segmented.renamed) out.push(`- Clause number ${r.was} repeats an earlier one (line ${r.line}); it is ${r.id} here.`);
  out.push('');

  out.push('## Clauses to review (in the profile)', '');
  if (inProfile.length === 0) out.push('_None: no clause states a customer duty that maps to a catalog obligation._', '');
  for (const d of inProfile) {
    const a = d.attribution;
    const relied = reliesOn(d, analysis);
    out.push(`### ${title(d)} (line ${d.clause.line})`, '');
    out.push(`> ${quote(d.clause.text, 600)}`, '');
    out.push(
      `Duty: **${a.holder === 'both' ? "both parties' (only the customer's sentences are mapped: decide the customer's share)" : 'customer'}** — ` +
        `${HOW[a.how]}: ${a.evidence.map((e) => `“${quote(e, 60)}”`).join(', ') || '—'} (confidence ${a.confidence}).` +
        `${d.truncated ? ' The source is cut off in this clause: its mapping rests on the heading and the words that survive.' : ''}`,
      '',
    );
    if (relied.length > 0) out.push(`Relies on: ${relied.map((r) => `${r.clause} ${r.term}`).join(', ')}.`, '');
    out.push(...table(['obligation', 'confidence', 'why'], d.mappings.map((m) => [m.obligation, String(m.confidence), m.reasons.map(why).join('; ')])), '');
  }

  const list = (heading: string, intro: string, rows: readonly ClauseDuty[], columns: (d: ClauseDuty) => string[], head: string[]) => {
    out.push(`## ${heading}`, '', intro, '', ...table(head, rows.map(columns)), '');
  };
  list("Provider's clauses (listed, not mapped)", "The provider's own duties: dutyscan does not scan them, but they can bear on the customer's side.", by('provider'),
    (d) => [d.clause.id, d.clause.title, d.attribution.evidence.map((e) => `“${quote(e, 50)}”`).join(', ') || HOW[d.attribution.how]], ['clause', 'title', 'why the provider’s']);
  list("Customer's or both parties' clauses with no catalog obligation", 'Duties no obligation of config/obligations.yaml names (payment, acceptable use, confidentiality, …). Add one by hand if the scan should evidence it.',
    [...customerUnmapped, ...bothUnmapped], (d) => [d.clause.id, d.attribution.holder, d.clause.title, quote(d.clause.text, 120)], ['clause', 'duty of', 'title', 'text']);
  list('Not duties', 'Definitions, headings, liability exclusions, and clauses that give no party a duty.', notDuties,
    (d) => [d.clause.id, d.clause.title, HOW[d.attribution.how]], ['clause', 'title', 'why']);

  out.push('## Definitions', '');
  out.push(...table(['clause', 'term', 'used by'], analysis.definitions.map((def) => [
    def.clause,
    def.term,
    duties.filter((d) => d.clause.id !== def.clause && termsUsed(`${d.clause.title}\n${d.clause.text}`, analysis.definitions).includes(def)).map((d) => d.clause.id).join(', '),
  ])), '');

  out.push('## How to read the confidences', '');
  out.push(
    'A mapping\'s confidence is how plainly the words name the obligation (0.9 when they name it, 0.85 for encryption said of storage or transit, ' +
      '0.7 for encryption that says neither, 0.6 for a heading naming the whole area, 0.5 when implied by another obligation; several phrases raise it) ' +
      'times how plainly the clause is the customer\'s (0.95 when it names the customer, 0.75 when only a heading above does, 0.5 for both parties), ' +
      'times 0.8 in a clause the source cuts off. It orders the review; it is not a probability.',
    '',
  );
  return out.join('\n');
}

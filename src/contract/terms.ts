import type { Lexicon } from './lexicon.js';
import type { Clause, Segmented } from './segment.js';

export interface Definition {
  /** The clause that defines the term. */
  readonly clause: string;
  readonly term: string;
  readonly meaning: string;
}

const QUOTED_TERM = /^\s*[“"「『‘']([^”"」』’'\n]{1,60})[”"」』’']\s*(?:[((][^))]{1,60}[))]\s*)?[::,]?\s*(.*)$/su;

/** The clauses of the definitions section: the one headed "Definitions" (定义) and those under it. */
export function definitionClauses(clauses: readonly Clause[], lexicon: Lexicon): Set<string> {
  const roots = clauses.filter((c) => c.title && lexicon.definitionHeadings(c.title).length > 0).map((c) => c.id);
  const inside = new Set(roots);
  for (const c of clauses) if (c.parent !== undefined && inside.has(c.parent)) inside.add(c.id);
  return inside;
}

/** Each "Term" means ... of the definitions section, with the clause that states it. */
export function findDefinitions(segmented: Segmented, lexicon: Lexicon): Definition[] {
  const section = definitionClauses(segmented.clauses, lexicon);
  const out: Definition[] = [];
  for (const clause of segmented.clauses) {
    if (!section.has(clause.id)) continue;
    for (const paragraph of clause.text.split('\n')) {
      const m = QUOTED_TERM.exec(paragraph);
      if (!m) continue;
      let meaning = m[2]!.trim();
      const verb = lexicon.definitionVerbs(meaning).find((h) => h.index === 0);
      if (verb) meaning = meaning.slice(verb.end).trim();
      out.push({ clause: clause.id, term: m[1]!.trim(), meaning });
    }
  }
  return out;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The defined terms a text uses, longest first so that "Customer Data" is not also "Customer".
 * English terms are matched as written (defined terms are capitalised); Chinese ones as substrings.
 */
export function termsUsed(text: string, definitions: readonly Definition[]): Definition[] {
  let rest = text;
  const used: Definition[] = [];
  for (const d of [...definitions].sort((a, b) => b.term.length - a.term.length)) {
    const edge = /^[A-Za-z0-9]/.test(d.term) ? '(?<![A-Za-z0-9])' : '';
    // "Privileged Users" uses the term "Privileged User".
    const tail = /[A-Za-z]$/.test(d.term) ? '(?:s|es)?(?![A-Za-z0-9])' : /[0-9]$/.test(d.term) ? '(?![A-Za-z0-9])' : '';
    const re = new RegExp(`${edge}${escape(d.term)}${tail}`, 'gu');
    if (!re.test(rest)) continue;
    used.push(d);
    rest = rest.replace(re, (m) => '\u0000'.repeat(m.length));
  }
  return definitions.filter((d) => used.includes(d));
}

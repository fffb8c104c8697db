import { join } from 'node:path';
import { z } from 'zod';
import { ConfigError, ConfigErrors } from '../config/errors.js';
import { didYouMean, parseYaml, readYamlText, yamlLocator } from '../config/yaml.js';
import { configDir } from '../util/paths.js';

export type Lang = 'en' | 'zh';
export const LANGS: readonly Lang[] = ['en', 'zh'];

const term = z.union([
  z.string().min(1),
  z.strictObject({ re: z.string().min(1) }),
  z.strictObject({ term: z.string().min(1), except: z.array(z.string().min(1)).min(1) }),
]).superRefine((t, ctx) => {
  if (typeof t === 'object' && 're' in t) {
    try {
      new RegExp(t.re, 'u');
    } catch (e) {
      ctx.addIssue({ code: 'custom', message: `not a regular expression: ${(e as Error).message}` });
    }
  }
});
export type Term = z.output<typeof term>;

const terms = z.strictObject({ en: z.array(term).default([]), zh: z.array(term).default([]) });
type Terms = z.output<typeof terms>;
const none = { en: [], zh: [] };

const dutyWords = z.strictObject({
  verbs: z.array(term).min(1),
  exclusions: z.array(term).default([]),
  both: z.array(term).default([]),
  object_markers: z.array(term).default([]),
  agent_markers: z.array(term).default([]),
});

const lexiconSchema = z.strictObject({
  version: z.literal(1),
  parties: z.strictObject({
    customer: terms,
    provider: terms,
    conventional: z.record(z.string().min(1), z.enum(['customer', 'provider'])).default({}),
  }),
  duty: z.strictObject({ en: dutyWords, zh: dutyWords }),
  structure: z.strictObject({
    duty_headings: terms,
    exclusion_headings: terms,
    definition_headings: terms,
    definition_verbs: terms,
    title_words: terms,
    closing: terms,
  }),
  obligations: z.record(
    z.string(),
    z.strictObject({
      terms: terms.default(none),
      qualified: terms.default(none),
      broad: terms.default(none),
      topic: terms.default(none),
      rivals: z.array(z.string()).default([]),
      implied_by: z.array(z.string()).default([]),
    }),
  ),
});
export type LexiconFile = z.output<typeof lexiconSchema>;

/** Where a term matched: the span and the words as the document writes them. */
export interface Hit {
  readonly index: number;
  readonly end: number;
  readonly phrase: string;
}

/** Finds every occurrence of any of a list of terms in a text, left to right. */
export type Matcher = (text: string) => Hit[];

// Letters and digits of scripts that separate words with spaces: a term edge made of one needs a
// word boundary there ("MFA" not inside "MFAX"); a Chinese edge needs none.
const WORDISH = /[A-Za-z0-9\u00C0-\u024F]/;
const WORD_BOUNDARY = '[A-Za-z0-9\\u00C0-\\u024F]';
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function patternOf(text: string): string {
  const wildcard = text.endsWith('*');
  const body = wildcard ? text.slice(0, -1) : text;
  let p = body.split(/\s+/).map(escape).join('\\s+');
  const last = body.at(-1) ?? '';
  if (wildcard) p += `${WORD_BOUNDARY}*`;
  else if (/[A-Za-z]/.test(last)) p += '(?:s|es)?';
  if (WORDISH.test(body[0] ?? '')) p = `(?<!${WORD_BOUNDARY})${p}`;
  if (WORDISH.test(last)) p += `(?!${WORD_BOUNDARY})`;
  return p;
}

export function compileTerms(list: readonly Term[]): Matcher {
  const compiled = list.map((t) => {
    if (typeof t === 'string') return { re: new RegExp(patternOf(t), 'giu'), except: [] as RegExp[] };
    if ('re' in t) return { re: new RegExp(t.re, 'giu'), except: [] as RegExp[] };
    return { re: new RegExp(patternOf(t.term), 'giu'), except: t.except.map((e) => new RegExp(patternOf(e), 'giu')) };
  });
  return (text) => {
    const hits: Hit[] = [];
    for (const { re, except } of compiled) {
      const excluded = except.flatMap((e) => [...text.matchAll(e)].map((m) => [m.index, m.index + m[0].length] as const));
      for (const m of text.matchAll(re)) {
        if (m[0].length === 0) continue;
        const [index, end] = [m.index, m.index + m[0].length];
        if (excluded.some(([a, b]) => a <= index && end <= b)) continue;
        hits.push({ index, end, phrase: m[0] });
      }
    }
    // A hit inside a longer one is the same words ("Incident" in "Security Incident", 应 in 应当).
    const inside = (h: Hit) => hits.some((o) => o !== h && o.index <= h.index && h.end <= o.end && o.end - o.index > h.end - h.index);
    return hits.filter((h) => !inside(h)).sort((a, b) => a.index - b.index || b.end - a.end);
  };
}

export interface ObligationWords {
  readonly id: string;
  readonly terms: Matcher;
  readonly qualified: Matcher;
  readonly broad: Matcher;
  readonly topic: Matcher;
  readonly rivals: readonly string[];
  readonly impliedBy: readonly string[];
}

/** The lexicon compiled for one language. */
export interface Lexicon {
  readonly lang: Lang;
  readonly file: string;
  readonly customerWords: Matcher;
  readonly providerWords: Matcher;
  /** The role words as written, to tell a party's name ("Customer") from the word in passing ("customers"). */
  readonly roleWords: { readonly customer: readonly string[]; readonly provider: readonly string[] };
  readonly conventional: Readonly<Record<string, 'customer' | 'provider'>>;
  readonly verbs: Matcher;
  readonly exclusions: Matcher;
  readonly both: Matcher;
  readonly objectMarkers: readonly string[];
  readonly agentMarkers: readonly string[];
  readonly dutyHeadings: Matcher;
  readonly exclusionHeadings: Matcher;
  readonly definitionHeadings: Matcher;
  readonly definitionVerbs: Matcher;
  readonly titleWords: Matcher;
  readonly closing: Matcher;
  readonly obligations: readonly ObligationWords[];
}

const plain = (list: readonly Term[]): string[] => list.map((t) => (typeof t === 'string' ? t : 'term' in t ? t.term : t.re));

export function compileLexicon(data: LexiconFile, lang: Lang, file: string): Lexicon {
  const pick = (t: Terms) => compileTerms(t[lang]);
  const duty = data.duty[lang];
  return {
    lang,
    file,
    customerWords: pick(data.parties.customer),
    providerWords: pick(data.parties.provider),
    roleWords: { customer: plain(data.parties.customer[lang]), provider: plain(data.parties.provider[lang]) },
    conventional: data.parties.conventional,
    verbs: compileTerms(duty.verbs),
    exclusions: compileTerms(duty.exclusions),
    both: compileTerms(duty.both),
    objectMarkers: plain(duty.object_markers),
    agentMarkers: plain(duty.agent_markers),
    dutyHeadings: pick(data.structure.duty_headings),
    exclusionHeadings: pick(data.structure.exclusion_headings),
    definitionHeadings: pick(data.structure.definition_headings),
    definitionVerbs: pick(data.structure.definition_verbs),
    titleWords: pick(data.structure.title_words),
    closing: pick(data.structure.closing),
    obligations: Object.entries(data.obligations).map(([id, o]) => ({
      id,
      terms: pick(o.terms),
      qualified: pick(o.qualified),
      broad: pick(o.broad),
      topic: pick(o.topic),
      rivals: o.rivals,
      impliedBy: o.implied_by,
    })),
  };
}

export const lexiconFile = (dir = configDir): string => join(dir, 'lexicon.yaml');

/** Reads config/lexicon.yaml; an obligation id the catalog does not know is an error with its line. */
export function loadLexicon(knownObligations: ReadonlySet<string>, file = lexiconFile()): LexiconFile {
  const text = readYamlText(file);
  const data = parseYaml(file, text, lexiconSchema);
  const at = yamlLocator(text);
  const problems: ConfigError[] = [];
  const known = [...knownObligations];
  const check = (id: string, path: (string | number)[], line = at.line(path)) => {
    if (knownObligations.has(id)) return;
    const hint = didYouMean(id, known);
    problems.push(new ConfigError(file, at.path(path), line, `unknown obligation "${id}"${hint ? ` (did you mean "${hint}"?)` : ''}`));
  };
  for (const [id, o] of Object.entries(data.obligations)) {
    check(id, ['obligations', id], at.keyLine(['obligations'], id));
    o.rivals.forEach((r, i) => check(r, ['obligations', id, 'rivals', i]));
    o.implied_by.forEach((r, i) => check(r, ['obligations', id, 'implied_by', i]));
  }
  if (problems.length > 0) throw new ConfigErrors(problems);
  return data;
}

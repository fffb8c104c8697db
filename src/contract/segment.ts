import type { Lexicon } from './lexicon.js';

/** A paragraph of the source, with the line (of the extracted text) where it starts. */
export interface Paragraph {
  readonly text: string;
  readonly line: number;
}

export type ClauseKind = 'chapter' | 'article' | 'decimal' | 'item';

export interface Clause {
  /** The number as the document gives it: 2.2.1, 第二条, Article 5, § 3, 5(a). */
  readonly id: string;
  readonly kind: ClauseKind;
  readonly parent: string | undefined;
  /** The heading words after the number ('' when the clause has none). */
  readonly title: string;
  /** The clause's own words after the heading; paragraphs joined by newlines. */
  readonly text: string;
  readonly line: number;
}

export interface Truncation {
  readonly clause: string;
  /** The last words of the source. */
  readonly ending: string;
  readonly how: 'mid-sentence' | 'list announced' | 'heading only';
}

export interface Segmented {
  /** The document's title, when a heading before the clauses names an agreement. */
  readonly title: string | undefined;
  readonly preamble: readonly Paragraph[];
  readonly clauses: readonly Clause[];
  /** Paragraphs between clauses that belong to none (an unnumbered heading and what follows it). */
  readonly unplaced: readonly Paragraph[];
  /** Paragraphs after the last clause that do not read as its text: page furniture, a signature block. */
  readonly trailing: readonly Paragraph[];
  readonly truncation: Truncation | undefined;
  /** Clauses whose number repeats an earlier one, renamed to stay unique. */
  readonly renamed: readonly { readonly id: string; readonly was: string; readonly line: number }[];
}

const CJK = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u;
const SENTENCE_END = /[。.!?!?;;][”"’'」』)）]*$/u;
const COMPLETE_END = /[。.!?!?;;)）\]】][”"’'」』]*$/u;
const COLON_END = /[::]$/;

/** Width in Latin letters: a Chinese character counts two. */
const width = (s: string) => [...s].reduce((n, c) => n + (CJK.test(c) ? 2 : 1), 0);

export const headingLike = (text: string): boolean =>
  !SENTENCE_END.test(text) && width(text) <= 64 && !/^[a-z]/.test(text);

const HAN_DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 一 → 1, 十二 → 12, 二十三 → 23, 一百零五 → 105; Arabic digits as they are. */
export function hanNumber(s: string): number {
  if (/^\d+$/.test(s)) return Number(s);
  let total = 0;
  let digit = 0;
  for (const c of s) {
    if (c === '百') { total += (digit || 1) * 100; digit = 0; }
    else if (c === '十') { total += (digit || 1) * 10; digit = 0; }
    else digit = HAN_DIGITS[c] ?? 0;
  }
  return total + digit;
}

type ItemStyle = 'letter' | 'upper' | 'roman' | 'number' | 'han';

type Marker =
  | { kind: 'chapter'; id: string; rest: string }
  | { kind: 'article'; id: string; path: number[]; rest: string }
  | { kind: 'decimal'; path: number[]; single: boolean; rest: string }
  | { kind: 'item'; token: string; style: ItemStyle; rest: string };

const HAN_NUM = '[一二三四五六七八九十百零〇两]+';
const ROMAN = /^(?:x{0,3})(?:ix|iv|v?i{0,3})$/;

/** The clause number a paragraph starts with, if any, and the words after it. */
export function parseMarker(text: string): Marker | undefined {
  let m: RegExpExecArray | null;
  if ((m = new RegExp(`^第\\s*(${HAN_NUM}|\\d+)\\s*(条|章|节|部分)\\s*`, 'u').exec(text))) {
    const n = hanNumber(m[1]!);
    const id = `第${m[1]}${m[2]}`;
    const rest = text.slice(m[0].length);
    return m[2] === '条' ? { kind: 'article', id, path: [n], rest } : { kind: 'chapter', id, rest };
  }
  if ((m = /^(Chapter|CHAPTER|Part|PART|Schedule|SCHEDULE|Annex|ANNEX|Appendix|APPENDIX)\s+(\d+|[IVXLC]+|[A-Z])\b[.:]?\s*/.exec(text))) {
    return { kind: 'chapter', id: `${m[1]} ${m[2]}`, rest: text.slice(m[0].length) };
  }
  if ((m = /^(Article|ARTICLE|Art\.|Clause|CLAUSE|Section|SECTION|§)\s*(\d{1,3}(?:\.\d{1,3})*)\.?(?![\d.])\s*/.exec(text))) {
    const path = m[2]!.split('.').map(Number);
    const word = m[1] === '§' ? '§' : m[1]!;
    return { kind: 'article', id: `${word} ${m[2]}`, path, rest: text.slice(m[0].length) };
  }
  if ((m = /^(\d{1,3}(?:\.\d{1,3})+)\.?(?![\d%])\s*/.exec(text))) {
    return { kind: 'decimal', path: m[1]!.split('.').map(Number), single: false, rest: text.slice(m[0].length) };
  }
  if ((m = /^(\d{1,3})(?:\.(?!\d)|、)\s*/.exec(text))) {
    return { kind: 'decimal', path: [Number(m[1])], single: true, rest: text.slice(m[0].length) };
  }
  if ((m = new RegExp(`^(${HAN_NUM})、\\s*`, 'u').exec(text))) {
    const n = hanNumber(m[1]!);
    return { kind: 'article', id: m[1]!, path: [n], rest: text.slice(m[0].length) };
  }
  if ((m = new RegExp(`^[((]\\s*([a-z]{1,4}|[A-Z]|\\d{1,2}|${HAN_NUM})\\s*[))]\\s*`, 'u').exec(text)) ?? (m = /^([a-z]|[ivx]{1,4})\)\s+/.exec(text))) {
    const token = m[1]!;
    const style: ItemStyle = /^\d+$/.test(token) ? 'number' : /^[A-Z]$/.test(token) ? 'upper' : /^[a-z]+$/.test(token) ? (ROMAN.test(token) ? 'roman' : 'letter') : 'han';
    if (style === 'letter' && token.length > 1) return undefined;
    return { kind: 'item', token, style, rest: text.slice(m[0].length) };
  }
  return undefined;
}

function joinLines(parts: readonly string[]): string {
  return parts.reduce((acc, next) => {
    if (!acc) return next;
    const last = acc.at(-1) ?? '';
    if (CJK.test(last) || CJK.test(next[0] ?? '')) return acc + next;
    if (last === '-' && /[A-Za-z]-$/.test(acc) && /^[a-z]/.test(next)) return acc + next;
    return `${acc} ${next}`;
  }, '');
}

/** A line that breaks mid-sentence in running text: long, and not ended by punctuation. */
const runsOn = (line: string) => !SENTENCE_END.test(line) && !COLON_END.test(line) && width(line) >= 48;

/**
 * Lines into paragraphs. A blank line ends a paragraph; so does a line that ends a sentence.
 * A line starting with a clause number starts one unless the line before breaks mid-sentence
 * (a PDF line that happens to wrap before "5.2 of this Agreement").
 */
export function paragraphs(lines: readonly string[]): Paragraph[] {
  const out: Paragraph[] = [];
  let parts: string[] = [];
  let start = 0;
  let blank = true;
  const flush = () => {
    if (parts.length > 0) out.push({ text: joinLines(parts), line: start });
    parts = [];
  };
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (!line) {
      flush();
      blank = true;
      return;
    }
    const previous = parts.at(-1);
    const starts = blank || previous === undefined || SENTENCE_END.test(previous) || COLON_END.test(previous) || (parseMarker(line) !== undefined && !runsOn(previous));
    if (starts) {
      flush();
      start = i + 1;
    }
    parts.push(line);
    blank = false;
  });
  flush();
  return out;
}

const DUTY_WORDS_IN_TITLE = /\b(shall|must|will|may)\b/i;

/** A clause's first paragraph after its number: heading words, then the clause's own words. */
export function splitHeading(rest: string, lexicon: Lexicon): { title: string; text: string } {
  const body = rest.replace(/^[\s.:::\-–—]+/, '');
  const hasVerb = (s: string) => lexicon.verbs(s).length > 0 || DUTY_WORDS_IN_TITLE.test(s);
  const colon = /^([^::。.;;!?!?“”"]{1,40})[::]\s*(.*)$/su.exec(body);
  if (colon && width(colon[1]!) <= 48 && !hasVerb(colon[1]!)) return { title: colon[1]!.trim(), text: colon[2]!.trim() };
  const dotted = /^([A-Z][^.;:!?]{0,60})\.\s+([A-Z(“"'‘].*)$/su.exec(body);
  if (dotted && dotted[1]!.split(/\s+/).length <= 8 && !hasVerb(dotted[1]!)) return { title: dotted[1]!.trim(), text: dotted[2]!.trim() };
  if (headingLike(body) && !hasVerb(body)) return { title: body.replace(/[::]$/, '').trim(), text: '' };
  return { title: '', text: body };
}

interface Building {
  id: string;
  kind: ClauseKind;
  parent: string | undefined;
  title: string;
  texts: string[];
  line: number;
}

/** The numbered clauses of a contract, their hierarchy, and what lies before and after them. */
export function segment(lines: readonly string[], lexicon: Lexicon): Segmented {
  const paras = paragraphs(lines);
  const preamble: Paragraph[] = [];
  const unplaced: Paragraph[] = [];
  const clauses: Building[] = [];
  const ids = new Set<string>();
  const renamed: { id: string; was: string; line: number }[] = [];
  const byPath = new Map<string, string>();
  let chapter: Building | undefined;
  let numbered: Building | undefined;
  let items: { style: ItemStyle; token: string; id: string }[] = [];
  let current: Building | undefined;
  let lastTop = 0;
  let loose: Paragraph[] = [];
  let closedAt: number | undefined;

  const add = (p: Paragraph, id: string, kind: ClauseKind, parent: string | undefined, rest: string): Building => {
    let unique = id;
    if (ids.has(unique) && chapter && kind !== 'chapter') unique = `${chapter.id} ${id}`;
    for (let n = 2; ids.has(unique); n++) unique = `${id} (${n})`;
    if (unique !== id) renamed.push({ id: unique, was: id, line: p.line });
    ids.add(unique);
    unplaced.push(...loose);
    loose = [];
    const { title, text } = splitHeading(rest, lexicon);
    const clause: Building = { id: unique, kind, parent, title, texts: text ? [text] : [], line: p.line };
    clauses.push(clause);
    current = clause;
    return clause;
  };
  const parentOf = (path: readonly number[]): string | undefined => {
    for (let n = path.length - 1; n > 0; n--) {
      const found = byPath.get(path.slice(0, n).join('.'));
      if (found) return found;
    }
    return chapter?.id;
  };
  const numberedClause = (p: Paragraph, id: string, kind: ClauseKind, path: number[], rest: string) => {
    const clause = add(p, id, kind, path.length > 1 ? parentOf(path) : chapter?.id, rest);
    byPath.set(path.join('.'), clause.id);
    if (path.length === 1 && topScheme === undefined) topScheme = kind;
    lastTop = Math.max(lastTop, path[0]!);
    numbered = clause;
    items = [];
  };
  // A bare "4." inside a clause is a list item unless the document numbers its top level that way
  // and 4 is the next top-level number that does not continue the current list.
  let topScheme: ClauseKind | undefined;
  const nextTopLevel = (n: number) =>
    (topScheme === undefined || topScheme === 'decimal') && n === lastTop + 1 && !items.some((e) => e.style === 'number' && Number(e.token) === n - 1);

  for (let i = 0; i < paras.length; i++) {
    const p = paras[i]!;
    if (clauses.length > 0 && lexicon.closing(p.text).some((h) => h.index <= 2)) {
      closedAt = i;
      break;
    }
    const m = parseMarker(p.text);
    const isItem = m?.kind === 'item' || (m?.kind === 'decimal' && m.single && numbered !== undefined && !nextTopLevel(m.path[0]!));
    if (m && !isItem) {
      if (m.kind === 'chapter') {
        chapter = add(p, m.id, 'chapter', undefined, m.rest);
        numbered = undefined;
        items = [];
      } else if (m.kind === 'article') numberedClause(p, m.id, 'article', m.path, m.rest);
      else if (m.kind === 'decimal') numberedClause(p, m.path.join('.'), 'decimal', m.path, m.rest);
      continue;
    }
    if (m && isItem && numbered) {
      const token = m.kind === 'item' ? m.token : String(m.path[0]);
      let style: ItemStyle = m.kind === 'item' ? m.style : 'number';
      // (i) after (h) is the ninth letter, not the first Roman numeral.
      if (style === 'roman' && items.some((e) => e.style === 'letter' && String.fromCharCode(e.token.charCodeAt(0) + 1) === token)) style = 'letter';
      const level = items.findIndex((e) => e.style === style);
      if (level >= 0) items = items.slice(0, level);
      const parent = items.at(-1)?.id ?? numbered.id;
      const clause = add(p, `${parent}(${token})`, 'item', parent, m.rest);
      items.push({ style, token, id: clause.id });
      continue;
    }
    if (clauses.length === 0) preamble.push(p);
    else if (headingLike(p.text) && !COLON_END.test(p.text)) {
      current = undefined;
      loose.push(p);
    } else if (current) current.texts.push(p.text);
    else loose.push(p);
  }

  const trailing = [...loose, ...(closedAt === undefined ? [] : paras.slice(closedAt))];
  const built: Clause[] = clauses.map((c) => ({ id: c.id, kind: c.kind, parent: c.parent, title: c.title, text: c.texts.join('\n'), line: c.line }));
  return {
    title: documentTitle(preamble, lexicon),
    preamble,
    clauses: built,
    unplaced,
    trailing,
    truncation: closedAt === undefined ? truncationOf(built) : undefined,
    renamed,
  };
}

/** The last heading naming an agreement before the preamble's running text begins. */
function documentTitle(preamble: readonly Paragraph[], lexicon: Lexicon): string | undefined {
  const firstProse = preamble.findIndex((p) => SENTENCE_END.test(p.text) || width(p.text) > 64);
  const head = firstProse < 0 ? preamble : preamble.slice(0, firstProse);
  const candidates = head.filter((p) => !COLON_END.test(p.text) && lexicon.titleWords(p.text).length > 0);
  return candidates.at(-1)?.text;
}

/** The words after the last finished sentence, or the last few words if that is long. */
function endingOf(words: string): string {
  const tail = words.split(/(?<=[。.!?!?;;])\s*/u).at(-1)!.trim();
  if (width(tail) <= 90) return tail;
  const chars = [...tail].slice(-40).join('');
  return CJK.test(chars) ? chars : chars.replace(/^\S*\s+/, '');
}

/** Where the source stops if it stops inside a clause: mid-sentence, after a colon, or after a bare heading. */
function truncationOf(clauses: readonly Clause[]): Truncation | undefined {
  const last = clauses.at(-1);
  if (!last) return undefined;
  const words = last.text || last.title;
  const ending = endingOf(words);
  if (!last.text && last.kind !== 'chapter') return { clause: last.id, ending, how: 'heading only' };
  if (COLON_END.test(words)) return { clause: last.id, ending, how: 'list announced' };
  if (!COMPLETE_END.test(words)) return { clause: last.id, ending, how: 'mid-sentence' };
  return undefined;
}

import type { Hit, Lexicon, ObligationWords } from './lexicon.js';
import type { Parties, Role } from './parties.js';
import type { Clause, Segmented } from './segment.js';
import { definitionClauses, type Definition } from './terms.js';

export type Holder = 'customer' | 'provider' | 'both' | 'neither';

export interface Attribution {
  readonly holder: Holder;
  /**
   * subject: a sentence names the party and its duty ("甲方负责", "the Customer shall");
   * heading: the clause names no party, a heading above it does (2.2 甲方责任);
   * list: the clause is an item of a list its parent introduces ("The Customer shall:");
   * exclusion: the clause limits a party's liability; definition: it defines a term;
   * heading-only: a bare heading; none: nobody is given a duty.
   */
  readonly how: 'subject' | 'list' | 'heading' | 'exclusion' | 'definition' | 'heading-only' | 'none';
  /** The words the decision rests on, as the document writes them. */
  readonly evidence: readonly string[];
  readonly confidence: number;
}

export type ReasonKind = 'term' | 'qualified' | 'broad' | 'topic' | 'implied';

export interface Reason {
  readonly phrase: string;
  readonly kind: ReasonKind;
  readonly where: 'heading' | 'text';
}

export interface Mapping {
  readonly obligation: string;
  readonly confidence: number;
  readonly reasons: readonly Reason[];
}

export interface ClauseDuty {
  readonly clause: Clause;
  readonly attribution: Attribution;
  /** Catalog obligations the customer's part of the clause maps to (none for provider clauses). */
  readonly mappings: readonly Mapping[];
  /** The source stops inside this clause: its mapping rests on the heading and the words that survive. */
  readonly truncated: boolean;
}

const WEIGHT: Record<ReasonKind, number> = { term: 0.9, qualified: 0.85, broad: 0.7, topic: 0.6, implied: 0.5 };
const ATTRIBUTION: Record<Attribution['how'], number> = { subject: 0.95, list: 0.9, heading: 0.75, exclusion: 0.9, definition: 1, 'heading-only': 1, none: 0.6 };
/** Both parties' duties in one clause: which part is the customer's is for a person to say. */
const BOTH = 0.5;
const TRUNCATED = 0.8;

const round = (n: number) => Math.round(n * 100) / 100;

/** Sentences, split after 。;!? and after an English full stop followed by a space. */
export function sentences(text: string): string[] {
  return text.split(/(?<=[。;!?])|(?<=[.;!?])\s+|\n/u).map((s) => s.trim()).filter(Boolean);
}

type Ref = { role: Role | 'both'; index: number; end: number; phrase: string };

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const BREAK = /[.;:。;:!?!?]/u;
const COLON_END = /[::]\s*$/;
const JOINER = /^\s*(?:,|,|、|and|or|和|与|及|或)\s*$/iu;

/** Finds where a sentence names a party, and says whether as subject (who acts) or object. */
class Subjects {
  private readonly labels: { role: Role; re: RegExp }[];

  constructor(parties: Parties, private readonly lexicon: Lexicon, private readonly definitions: readonly Definition[]) {
    this.labels = parties.all
      .filter((p): p is typeof p & { role: Role } => p.role !== undefined)
      .map((p) => {
        const latin = /^[A-Za-z]/.test(p.label);
        const body = latin ? `(?<![A-Za-z])(?:the\\s+)?${escape(p.label)}(?:'s|’s)?(?![A-Za-z])` : escape(p.label);
        return { role: p.role, re: new RegExp(body, latin ? 'gi' : 'gu') };
      });
  }

  /** Party mentions in a text, minus the ones in object position ("notify the Customer", "向甲方") and defined terms that begin with a party ("Customer Data"). */
  refs(text: string): Ref[] {
    const refs: Ref[] = [];
    for (const { role, re } of this.labels) {
      for (const m of text.matchAll(re)) {
        if (this.objectAt(text, m.index) || this.insideTerm(text, m.index, m[0])) continue;
        refs.push({ role, index: m.index, end: m.index + m[0].length, phrase: m[0] });
      }
    }
    for (const h of this.lexicon.both(text)) refs.push({ role: 'both', index: h.index, end: h.end, phrase: h.phrase });
    return refs.sort((a, b) => a.index - b.index);
  }

  /** The agent of a passive duty: "shall be enabled by the Customer", "由甲方负责". */
  agentAt(text: string, index: number): boolean {
    const before = text.slice(Math.max(0, index - 60), index);
    return this.lexicon.agentMarkers.some((m) =>
      this.lexicon.lang === 'zh'
        ? before.endsWith(m)
        : new RegExp(`\\b(?:shall|must|will|is\\s+to|are\\s+to)\\s+(?:\\w+\\s+){0,2}be\\s+(?:\\w+\\s+)?\\w+(?:ed|en|wn)\\s+${escape(m)}\\s*$`, 'i').test(before),
    );
  }

  private objectAt(text: string, index: number): boolean {
    const before = text.slice(Math.max(0, index - 16), index);
    if (this.lexicon.lang === 'zh') return this.lexicon.objectMarkers.some((m) => before.endsWith(m));
    return this.lexicon.objectMarkers.some((m) => new RegExp(`\\b${escape(m)}\\s*$`, 'i').test(before));
  }

  private insideTerm(text: string, index: number, phrase: string): boolean {
    const label = phrase.replace(/^the\s+/i, '').replace(/['’]s$/, '');
    const start = index + phrase.length - label.length - (phrase.match(/['’]s$/)?.[0].length ?? 0);
    return this.definitions.some((d) => d.term !== label && d.term.startsWith(label) && text.startsWith(d.term, start));
  }
}

interface SentenceDuty {
  roles: Set<Role | 'both'>;
  evidence: string[];
  exclusions: string[];
}

/** Whose duty one sentence states: the party before each duty verb, or the agent of a passive one. */
function sentenceDuty(sentence: string, subjects: Subjects, lexicon: Lexicon): SentenceDuty {
  const refs = subjects.refs(sentence);
  const verbs = lexicon.verbs(sentence);
  const out: SentenceDuty = { roles: new Set(), evidence: [], exclusions: [] };
  const window = lexicon.lang === 'zh' ? 30 : 80;
  const seen = new Set<number>();
  for (const verb of verbs) {
    const before = refs.filter((r) => r.end <= verb.index && verb.index - r.end <= window && !BREAK.test(sentence.slice(r.end, verb.index)));
    const subject = before.at(-1);
    if (!subject || seen.has(subject.index)) continue;
    seen.add(subject.index);
    const joint = [subject];
    for (let k = before.length - 2; k >= 0 && JOINER.test(sentence.slice(before[k]!.end, joint[0]!.index)); k--) joint.unshift(before[k]!);
    const phrase = sentence.slice(joint[0]!.index, verb.end);
    const tail = sentence.slice(joint[0]!.index, Math.min(sentence.length, verb.end + 24));
    if (lexicon.exclusions(tail).length > 0) {
      out.exclusions.push(phrase);
      continue;
    }
    for (const r of joint) out.roles.add(r.role);
    out.evidence.push(phrase);
  }
  if (verbs.length > 0) {
    for (const r of refs) {
      if (subjects.agentAt(sentence, r.index)) {
        out.roles.add(r.role);
        out.evidence.push(sentence.slice(Math.max(0, r.index - 3), r.end));
      }
    }
  }
  return out;
}

/** The party a heading assigns duties to: "2.2 甲方责任", "Customer Obligations". */
function headingParty(title: string, subjects: Subjects, lexicon: Lexicon): Role | undefined {
  if (!title || lexicon.dutyHeadings(title).length === 0) return undefined;
  const roles = new Set<Role>();
  for (const r of subjects.refs(title)) if (r.role !== 'both') roles.add(r.role);
  if (roles.size === 0) {
    if (lexicon.customerWords(title).length > 0) roles.add('customer');
    if (lexicon.providerWords(title).length > 0) roles.add('provider');
  }
  return roles.size === 1 ? [...roles][0] : undefined;
}

const combine = (weights: readonly number[]) => Math.min(0.97, 1 - weights.reduce((p, w) => p * (1 - w), 1));

/** The obligations a customer's words name, with the phrases that say so. */
export function mapObligations(parts: readonly { text: string; where: Reason['where'] }[], lexicon: Lexicon): Map<string, Reason[]> {
  const found = new Map<string, Reason[]>();
  const add = (id: string, reason: Reason) => {
    const list = found.get(id) ?? [];
    if (!list.some((r) => r.phrase === reason.phrase && r.kind === reason.kind)) list.push(reason);
    found.set(id, list);
  };
  const phrases = (hits: readonly Hit[]) => [...new Set(hits.map((h) => h.phrase))];
  // Said precisely anywhere in the clause ("encrypt ... at rest", "TLS"), an obligation overrules
  // the generic word for itself and its rivals: "Encryption" as a heading over "encrypt data at
  // rest" is not also encryption in transit.
  const precise = new Set<string>();
  for (const { text, where } of parts) {
    for (const o of lexicon.obligations) {
      for (const phrase of phrases(o.terms(text))) add(o.id, { phrase, kind: 'term', where });
      for (const phrase of phrases(o.topic(text))) add(o.id, { phrase, kind: 'topic', where });
      const broad = o.broad(text);
      const qualified = broad.length > 0 ? o.qualified(text) : [];
      for (const q of phrases(qualified)) add(o.id, { phrase: `${broad[0]!.phrase} … ${q}`, kind: 'qualified', where });
      if (o.terms(text).length > 0 || qualified.length > 0) precise.add(o.id);
    }
  }
  for (const { text, where } of parts) {
    for (const o of lexicon.obligations) {
      const broad = phrases(o.broad(text));
      if (broad.length === 0 || precise.has(o.id) || o.rivals.some((r) => precise.has(r))) continue;
      for (const phrase of broad) add(o.id, { phrase, kind: 'broad', where });
    }
  }
  for (const o of lexicon.obligations) implied(o, found, add);
  return found;
}

function implied(o: ObligationWords, found: Map<string, Reason[]>, add: (id: string, r: Reason) => void): void {
  if (found.has(o.id)) return;
  const by = o.impliedBy.find((id) => found.has(id));
  if (by) add(o.id, { phrase: by, kind: 'implied', where: 'text' });
}

/** Whose duty each clause states, and which catalog obligations the customer's part maps to. */
export function attributeDuties(segmented: Segmented, parties: Parties, definitions: readonly Definition[], lexicon: Lexicon): ClauseDuty[] {
  const subjects = new Subjects(parties, lexicon, definitions);
  const defining = definitionClauses(segmented.clauses, lexicon);
  const byId = new Map(segmented.clauses.map((c) => [c.id, c]));
  const ancestry = (clause: Clause): Clause[] => {
    const chain = [clause];
    for (let c = clause.parent ? byId.get(clause.parent) : undefined; c; c = c.parent ? byId.get(c.parent) : undefined) chain.push(c);
    return chain;
  };
  const done = new Map<string, ClauseDuty>();
  // An item of a list its parent introduces ("The Customer shall:") is that party's; otherwise the nearest heading naming a party decides.
  const inherited = (clause: Clause): { roles: Set<Role | 'both'>; from: Clause; how: 'list' | 'heading' } | undefined => {
    const parent = clause.parent ? done.get(clause.parent) : undefined;
    if (parent && COLON_END.test(parent.clause.text) && parent.attribution.holder !== 'neither') {
      const h = parent.attribution.holder;
      return { roles: new Set(h === 'both' ? ['both'] : [h]), from: parent.clause, how: 'list' };
    }
    for (let c = clause.parent ? byId.get(clause.parent) : undefined; c; c = c.parent ? byId.get(c.parent) : undefined) {
      const role = headingParty(c.title, subjects, lexicon);
      if (role) return { roles: new Set([role]), from: c, how: 'heading' };
    }
    return undefined;
  };
  const order = lexicon.obligations.map((o) => o.id);

  return segmented.clauses.map((clause): ClauseDuty => {
    const duty = attributeClause(clause);
    done.set(clause.id, duty);
    return duty;
  });

  function attributeClause(clause: Clause): ClauseDuty {
    const truncated = segmented.truncation?.clause === clause.id;
    const settle = (holder: Holder, how: Attribution['how'], evidence: string[]): ClauseDuty => ({
      clause,
      attribution: { holder, how, evidence, confidence: ATTRIBUTION[how] },
      mappings: [],
      truncated,
    });
    if (defining.has(clause.id)) return settle('neither', 'definition', []);
    const exclusion = ancestry(clause).flatMap((c) => lexicon.exclusionHeadings(c.title));
    if (exclusion.length > 0) return settle('neither', 'exclusion', exclusion.map((h) => h.phrase));
    if (!clause.text) return settle('neither', 'heading-only', []);

    const above = inherited(clause);
    let carry = new Set<Role | 'both'>(above?.roles ?? []);
    const roles = new Set<Role | 'both'>();
    const evidence: string[] = [];
    const exclusions: string[] = [];
    const customerParts: string[] = [];
    for (const sentence of sentences(clause.text)) {
      const duty = sentenceDuty(sentence, subjects, lexicon);
      exclusions.push(...duty.exclusions);
      if (duty.roles.size > 0) carry = duty.roles;
      else if (duty.exclusions.length > 0) carry = new Set();
      for (const r of duty.roles) roles.add(r);
      evidence.push(...duty.evidence);
      if (carry.has('customer') || carry.has('both')) customerParts.push(sentence);
    }
    const explicit = roles.size > 0;
    if (!explicit && above) for (const r of above.roles) roles.add(r);
    const holder: Holder =
      roles.has('both') || (roles.has('customer') && roles.has('provider')) ? 'both'
      : roles.has('customer') ? 'customer'
      : roles.has('provider') ? 'provider'
      : 'neither';
    const how: Attribution['how'] = explicit ? 'subject' : above ? above.how : exclusions.length > 0 ? 'exclusion' : 'none';
    const from = above && (above.how === 'list' ? `${above.from.id}: ${above.from.text.split('\n').at(-1)}` : `${above.from.id} ${above.from.title}`);
    const attributionEvidence = [...new Set(explicit ? evidence : from ? [from] : exclusions)];
    const confidence = holder === 'both' ? BOTH : ATTRIBUTION[how];
    const attribution: Attribution = { holder, how, evidence: attributionEvidence, confidence };
    if (holder !== 'customer' && holder !== 'both') return { clause, attribution, mappings: [], truncated };

    const parts = [...(clause.title ? [{ text: clause.title, where: 'heading' as const }] : []), ...customerParts.map((text) => ({ text, where: 'text' as const }))];
    const found = mapObligations(parts, lexicon);
    const mappings = order
      .filter((id) => found.has(id))
      .map((id) => {
        const reasons = found.get(id)!;
        const strength = combine(reasons.map((r) => WEIGHT[r.kind]));
        return { obligation: id, reasons, confidence: round(strength * confidence * (truncated ? TRUNCATED : 1)) };
      });
    return { clause, attribution: { ...attribution, confidence: round(confidence) }, mappings, truncated };
  }
}

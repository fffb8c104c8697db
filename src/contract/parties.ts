import type { Lexicon, Matcher } from './lexicon.js';
import type { Segmented } from './segment.js';
import type { Definition } from './terms.js';
import { ContractSourceError } from './text.js';

export type Role = 'customer' | 'provider';

export interface Party {
  /** How the contract names the party in its clauses: 甲方, Customer, Acme. */
  readonly label: string;
  readonly role: Role | undefined;
  /** The name the preamble gives, when it gives one. */
  readonly name: string | undefined;
  /** Why the role: the preamble's role words, a definition, the Party A/B convention, the words used most, or --customer. */
  readonly how: 'preamble' | 'definition' | 'convention' | 'usage' | 'override' | 'unknown';
  /** The words the party was read from. */
  readonly evidence: string;
}

export interface Parties {
  readonly customer: Party;
  readonly provider: Party | undefined;
  /** Every party found, including any whose role could not be told. */
  readonly all: readonly Party[];
}

interface Candidate {
  label: string;
  name: string | undefined;
  hint: string | undefined;
  evidence: string;
  how: 'preamble' | 'definition';
}

/** The role words found in a text decide its role when they name only one side (the longest match wins a tie). */
function roleIn(text: string, lexicon: Lexicon): Role | undefined {
  const longest = (m: Matcher) => Math.max(0, ...m(text).map((h) => h.phrase.length));
  const customer = longest(lexicon.customerWords);
  const provider = longest(lexicon.providerWords);
  if (customer === provider) return undefined;
  return customer > provider ? 'customer' : 'provider';
}

// A name the preamble gives a party, as opposed to a term it defines there ("the Services").
const ORGANISATION = /\b(?:Ltd|Limited|GmbH|Inc|LLC|LLP|plc|PLC|AG|SA|S\.A\.|SAS|BV|B\.V\.|NV|Corp|Corporation|Company|Co\.)\b|有限公司|有限责任公司|股份公司|集团|公司|^\[[^\]]+\]$/u;

function candidates(segmented: Segmented, definitions: readonly Definition[], lexicon: Lexicon): Candidate[] {
  const out: Candidate[] = [];
  const exactly = (m: Matcher, label: string) => m(label).some((h) => h.phrase === label);
  const isParty = (label: string, name: string | undefined) =>
    exactly(lexicon.customerWords, label) || exactly(lexicon.providerWords, label) || label in lexicon.conventional || (name !== undefined && ORGANISATION.test(name));
  for (const { text } of segmented.preamble) {
    let m: RegExpExecArray | null;
    if ((m = /^(甲方|乙方|丙方)\s*[((]([^))]{1,30})[))]\s*[::]?\s*(.*)$/u.exec(text))) {
      out.push({ label: m[1]!, hint: m[2], name: m[3] || undefined, evidence: text, how: 'preamble' });
      continue;
    }
    if ((m = /^(甲方|乙方|丙方)\s*[::]\s*(.+)$/u.exec(text))) {
      out.push({ label: m[1]!, hint: undefined, name: m[2], evidence: text, how: 'preamble' });
      continue;
    }
    for (const s of text.matchAll(/([^,,。;;::\s“”()()]{2,40})\s*[((](?:以下简称|以下称|下称|简称)\s*[::]?\s*[“"]([^”"]{1,20})[”"][))]/gu)) {
      if (isParty(s[2]!, s[1])) out.push({ label: s[2]!, hint: undefined, name: s[1], evidence: text, how: 'preamble' });
    }
    for (const s of text.matchAll(/([A-Z][^()\n;:]{1,120}?)\s*,?\s*\((?:hereinafter\s+(?:referred\s+to\s+as\s+|called\s+)?)?(?:the\s+)?[“"]([A-Z][A-Za-z -]{0,40}?)[”"]\)/g)) {
      const name = s[1]!.replace(/^(?:\(\d+\)|\d+[.)]|and|between|by)\s+/i, '').split(',')[0]!.trim();
      // What follows the label up to the next party says what the party does ("..., as client").
      const after = text.slice(s.index + s[0].length).split(/\(|;|\band\b/)[0] ?? '';
      if (isParty(s[2]!.trim(), name)) out.push({ label: s[2]!.trim(), hint: after, name, evidence: text, how: 'preamble' });
    }
  }
  for (const d of definitions) {
    if (exactly(lexicon.customerWords, d.term) || exactly(lexicon.providerWords, d.term)) {
      out.push({ label: d.term, hint: undefined, name: d.meaning, evidence: `${d.clause} “${d.term}” ${d.meaning}`, how: 'definition' });
    }
  }
  return out;
}

/** The label's own words first ("Customer"), then the role the preamble gives it (甲方(云服务用户)), then the convention. */
function toParty(c: Candidate, lexicon: Lexicon): Party {
  const role = roleIn(c.label, lexicon) ?? (c.hint ? roleIn(c.hint, lexicon) : undefined);
  if (role) return { label: c.label, role, name: c.name, how: c.how, evidence: c.evidence };
  const conventional = lexicon.conventional[c.label];
  if (conventional) return { label: c.label, role: conventional, name: c.name, how: 'convention', evidence: c.evidence };
  return { label: c.label, role: undefined, name: c.name, how: 'unknown', evidence: c.evidence };
}

/** Without a preamble that names the parties: the customer and provider words the clauses use most. */
function fromUsage(segmented: Segmented, lexicon: Lexicon): Party[] {
  const text = segmented.clauses.map((c) => `${c.title}\n${c.text}`).join('\n');
  const most = (m: Matcher, role: Role): Party[] => {
    const counts = new Map<string, number>();
    const names = new Set(lexicon.roleWords[role]);
    for (const h of m(text)) if (names.has(h.phrase)) counts.set(h.phrase, (counts.get(h.phrase) ?? 0) + 1);
    const [label, n] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? [];
    return label && n && n >= 2 ? [{ label, role, name: undefined, how: 'usage', evidence: `"${label}" appears ${n} times in the clauses` }] : [];
  };
  return [...most(lexicon.customerWords, 'customer'), ...most(lexicon.providerWords, 'provider')];
}

/**
 * Who is the customer and who the provider: from the preamble (甲方(云服务用户), ACME Ltd
 * ("Customer")), the defined terms, the Party A/B convention, or the role words the clauses use;
 * `customer` (the --customer option) names the customer and overrides all of them.
 */
export function identifyParties(segmented: Segmented, definitions: readonly Definition[], lexicon: Lexicon, customer?: string): Parties {
  const found: Party[] = [];
  for (const c of candidates(segmented, definitions, lexicon)) {
    const party = toParty(c, lexicon);
    const same = found.findIndex((p) => p.label === party.label);
    if (same < 0) found.push(party);
    else if (!found[same]!.role && party.role) found[same] = party;
  }
  const parties = found.length > 0 ? found : fromUsage(segmented, lexicon);

  if (customer !== undefined) {
    const wanted = customer.trim().toLowerCase();
    const chosen = parties.find((p) => p.label.toLowerCase() === wanted) ??
      parties.find((p) => p.name?.toLowerCase().includes(wanted) || p.evidence.toLowerCase().includes(wanted));
    const text = [...segmented.preamble.map((p) => p.text), ...segmented.clauses.map((c) => c.text)].join('\n');
    if (!chosen && !text.includes(customer.trim())) {
      const known = parties.map((p) => `${p.label}${p.name ? ` (${p.name})` : ''}`).join(', ');
      throw new ContractSourceError(`--customer "${customer}" names no party of this contract${known ? `; its parties: ${known}` : ''}`);
    }
    const label = chosen?.label ?? customer.trim();
    const others = parties.filter((p) => p.label !== label);
    const override: Party = { label, role: 'customer', name: chosen?.name, how: 'override', evidence: `--customer ${customer}` };
    const provider: Party | undefined = others.length === 1
      ? { ...others[0]!, role: 'provider', how: 'override', evidence: `the other party (--customer ${customer})` }
      : others.find((p) => p.role === 'provider');
    return { customer: override, provider, all: [override, ...others.map((p) => (p.label === provider?.label ? provider : p))] };
  }

  const customerParty = parties.find((p) => p.role === 'customer');
  if (!customerParty) {
    const seen = parties.map((p) => p.label).join(', ');
    throw new ContractSourceError(
      `cannot tell which party is the customer${seen ? ` (parties found: ${seen}, none described as the customer)` : ' (the preamble names no party)'}; pass --customer NAME`,
    );
  }
  return { customer: customerParty, provider: parties.find((p) => p.role === 'provider'), all: parties };
}

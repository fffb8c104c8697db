import type { Params, ParamsUpgrade } from '../../src/core/check.js';

/**
 * The port-exposure family: which watched ports a provider's inbound rules open to the whole
 * internet. Every provider's rule list (AWS security groups and network ACLs, Azure NSGs, GCP
 * firewalls) is adapted into `AccessRule`s plus a `RuleSet` that says, as data, how the provider
 * decides; the decision itself is made here, once.
 *
 * Semantics, decided once:
 * - Only rules whose source is the whole internet count: `0.0.0.0/0` for IPv4, `::/0` for IPv6 (any
 *   `/0` prefix), and the provider's own words for "everywhere" (Azure `*`, `Internet`, `Any`),
 *   which stand for both families. A rule for a narrower range decides only for part of the internet
 *   and is left aside, as CIS does: an allow for 10.0.0.0/8 is no exposure, and a deny for it hides none.
 * - `first-match` (NACLs, NSGs, GCP firewalls): rules in ascending priority number, a deny before an
 *   allow of the same priority (GCP's rule; NACL and NSG numbers are unique); for each address family,
 *   protocol and watched port, the first rule that covers it decides. A higher-priority deny wins.
 * - `any-allow` (AWS security groups, which have no deny): any allow rule that covers the port opens it.
 * - No deciding rule: the set's `defaultAction` (deny on every provider today).
 * - A rule covers a watched port when its protocol is the port's (or all protocols: `-1`, `all`, `*`)
 *   and one of its ranges contains the port. The row `all` is every port (1-65535; port 0 is no real
 *   port), so it is covered only by a rule open on the whole range; `protocol: '*'` means any protocol
 *   that has ports (tcp, udp, sctp). ICMP and other portless protocols never cover a watched port.
 */

/** A row of the `ports` / `additionalPorts` table users write, the same on every provider. */
export interface WatchedPort {
  readonly label: string;
  /** A port number, or `all`: a rule open on every port. */
  readonly port: number | 'all';
  /** `tcp` (the default for a numbered port), `udp`, or `*` (the default for `all`): any protocol with ports. */
  readonly protocol?: 'tcp' | 'udp' | '*';
}

/** The one table of administration ports. */
export const ADMIN_PORTS: readonly WatchedPort[] = [
  { label: 'SSH', port: 22, protocol: 'tcp' },
  { label: 'RDP', port: 3389, protocol: 'tcp' },
];

/** A rule open on every port exposes whatever listens. */
export const EVERY_PORT: WatchedPort = { label: 'all ports', port: 'all', protocol: '*' };

/**
 * What the stateful layers (security groups, NSGs, GCP firewalls) watch by default. A network ACL
 * is stateless: return traffic needs the ephemeral ports open from everywhere, so an all-ports allow
 * is normal there, and the network ACL check watches the administration ports alone.
 */
export const STATEFUL_PORTS: readonly WatchedPort[] = [...ADMIN_PORTS, EVERY_PORT];

export interface PortRange {
  readonly from: number;
  readonly to: number;
}

export const ALL_PORTS: PortRange = { from: 0, to: 65535 };
const WHOLE_RANGE: PortRange = { from: 1, to: 65535 };

/** `22`, `1000-2000` or `*` as a range; null for anything else (a named port, a typo). */
export function parsePortRange(text: string): PortRange | null {
  const t = text.trim();
  if (t === '*') return ALL_PORTS;
  const m = /^(\d+)(?:\s*-\s*(\d+))?$/.exec(t);
  return m ? { from: Number(m[1]), to: Number(m[2] ?? m[1]) } : null;
}

export const parsePortRanges = (texts: readonly string[]): PortRange[] => texts.map(parsePortRange).filter((r): r is PortRange => r !== null);

/** One inbound rule, in the engine's words. */
export interface AccessRule {
  /** How the provider names the rule: a rule number, a rule name. */
  readonly id: string | number;
  readonly action: 'allow' | 'deny';
  /** Lower first; ignored by `any-allow` sets. */
  readonly priority: number;
  /** As the provider writes it: `tcp`, `Tcp`, `6`, `-1`, `all`, `*`... */
  readonly protocol: string;
  readonly ports: readonly PortRange[];
  readonly sources: readonly string[];
}

/** How a provider decides, as data. */
export interface RuleSet {
  readonly evaluation: 'first-match' | 'any-allow';
  readonly defaultAction: 'allow' | 'deny';
  /** The provider's words for "every address", besides `/0` prefixes (case-insensitive). */
  readonly anywhere?: readonly string[];
  readonly rules: readonly AccessRule[];
}

export interface Exposure {
  readonly label: string;
  /** The deciding rule's protocol (`all` for every protocol). */
  readonly protocol: string;
  readonly port: number | 'all';
  /** The rule's internet source as the provider wrote it (`0.0.0.0/0`, `::/0`, `Internet`). */
  readonly source: string;
  /** The deciding rule's id, or `default` when the set's default action allowed it. */
  readonly rule: string | number;
}

type Family = 'ipv4' | 'ipv6';
const FAMILIES: readonly Family[] = ['ipv4', 'ipv6'];
const PORTED_PROTOCOLS = ['tcp', 'udp', 'sctp'];
const PROTOCOL_NAMES: Record<string, string> = { '-1': 'all', '*': 'all', all: 'all', '6': 'tcp', '17': 'udp', '132': 'sctp' };

export const normaliseProtocol = (p: string): string => PROTOCOL_NAMES[p.trim().toLowerCase()] ?? p.trim().toLowerCase();

/** The families a source stands for when it is the whole internet; empty for anything narrower. */
function anywhereFamilies(source: string, aliases: ReadonlySet<string>): Family[] {
  const s = source.trim().toLowerCase();
  if (aliases.has(s)) return [...FAMILIES];
  if (!s.endsWith('/0')) return [];
  return [s.includes(':') ? 'ipv6' : 'ipv4'];
}

/** Whether a source is the whole internet, of either family: `0.0.0.0/0`, `::/0`, or one of the provider's `aliases`. */
export const isAnywhere = (source: string, aliases: readonly string[] = []): boolean =>
  anywhereFamilies(source, new Set(aliases.map((a) => a.toLowerCase()))).length > 0;

const covers = (rule: AccessRule, protocol: string, range: PortRange): boolean => {
  const p = normaliseProtocol(rule.protocol);
  return (p === 'all' || p === protocol) && rule.ports.some((r) => r.from <= range.from && range.to <= r.to);
};

const rangeOf = (w: WatchedPort): PortRange => (w.port === 'all' ? WHOLE_RANGE : { from: w.port, to: w.port });
const protocolsOf = (w: WatchedPort): readonly string[] => {
  const p = w.protocol ?? (w.port === 'all' ? '*' : 'tcp');
  return p === '*' ? PORTED_PROTOCOLS : [p];
};

/** Every watched port the set lets in from the whole internet, with the rule and source that let it in. */
export function exposures(set: RuleSet, watched: readonly WatchedPort[]): Exposure[] {
  const aliases = new Set((set.anywhere ?? []).map((a) => a.toLowerCase()));
  const internetSource = (rule: AccessRule, family: Family) => rule.sources.find((s) => anywhereFamilies(s, aliases).includes(family));
  // Deny first on equal priority: GCP's rule, harmless where priorities are unique.
  const ordered = [...set.rules].sort((a, b) => a.priority - b.priority || (a.action === 'deny' ? 0 : 1) - (b.action === 'deny' ? 0 : 1));
  const found = new Map<string, Exposure>();
  const add = (w: WatchedPort, protocol: string, source: string, rule: string | number) => {
    const e: Exposure = { label: w.label, protocol, port: w.port, source, rule };
    found.set(JSON.stringify([e.label, e.source, e.rule]), e);
  };
  for (const family of FAMILIES) {
    for (const w of watched) {
      for (const protocol of protocolsOf(w)) {
        const matching = ordered.filter((r) => internetSource(r, family) !== undefined && covers(r, protocol, rangeOf(w)));
        const deciding = set.evaluation === 'first-match' ? matching.slice(0, 1) : matching.filter((r) => r.action === 'allow');
        for (const r of deciding) if (r.action === 'allow') add(w, normaliseProtocol(r.protocol), internetSource(r, family) as string, r.id);
        if (matching.length === 0 && set.defaultAction === 'allow') add(w, protocol, family === 'ipv4' ? '0.0.0.0/0' : '::/0', 'default');
      }
    }
  }
  return [...found.values()];
}

/** The distinct labels of what is exposed, in table order. */
export const exposedLabels = (found: readonly Exposure[]): string[] => [...new Set(found.map((e) => e.label))];

/** The check parameters of the family: the same names and rows on every provider. */
export interface PortParams extends Params {
  readonly ports: readonly WatchedPort[];
  readonly additionalPorts: readonly WatchedPort[];
}

/** A check's defaults: the rows it watches, and no additional ones. */
export const portDefaults = (ports: readonly WatchedPort[]): PortParams => ({ ports, additionalPorts: [] });

/** The table a check watches: `ports` plus `additionalPorts`. */
export const watchedPorts = (params: PortParams): readonly WatchedPort[] => [...params.ports, ...params.additionalPorts];

/**
 * Older spellings, still read, each reported as deprecated by the config loader: the GCP check's
 * `exposures` list (now `ports`), the Azure rows' `name` (now `label`) and `port: null` (now `all`).
 * Protocols are read case-insensitively (`Tcp`), as Azure writes them; that is no deprecation.
 * A row that means nothing (no label, a port that is not a number or `all`) is a problem.
 */
export const upgradePortParams: ParamsUpgrade = (given) => {
  const deprecated: { key: string; message: string }[] = [];
  const problems: { key: string; message: string }[] = [];
  const params: Record<string, unknown> = { ...given };
  for (const key of ['ports', 'additionalPorts', 'exposures']) {
    if (!Array.isArray(params[key])) continue;
    params[key] = (params[key] as unknown[]).map((row, i) => upgradeRow(row, `${key}[${i}]`, deprecated, problems));
  }
  if ('exposures' in params) {
    deprecated.unshift({ key: 'exposures', message: 'is deprecated: write the same rows as `ports` (and `additionalPorts`)' });
    if (!('ports' in params)) params.ports = params.exposures;
    delete params.exposures;
  }
  return { params, deprecated, problems };
};

function upgradeRow(row: unknown, at: string, deprecated: { key: string; message: string }[], problems: { key: string; message: string }[]): unknown {
  if (typeof row !== 'object' || row === null || Array.isArray(row)) {
    problems.push({ key: at, message: 'expected a row { label, port, protocol }' });
    return row;
  }
  const r = row as Record<string, unknown>;
  let label = r.label;
  if (label === undefined && typeof r.name === 'string') {
    deprecated.push({ key: `${at}.name`, message: 'is deprecated: write `label`' });
    label = r.name;
  }
  let port = r.port;
  if (port === null) {
    deprecated.push({ key: `${at}.port`, message: 'null is deprecated: write `all` for every port' });
    port = 'all';
  }
  const protocol = typeof r.protocol === 'string' ? r.protocol.toLowerCase() : r.protocol;
  if (typeof label !== 'string' || label === '') problems.push({ key: `${at}.label`, message: 'expected a name for the row, e.g. "SSH"' });
  if (!(port === 'all' || (Number.isInteger(port) && (port as number) >= 0 && (port as number) <= 65535))) {
    problems.push({ key: `${at}.port`, message: `expected a port number (0-65535) or "all", got ${JSON.stringify(port)}` });
  }
  if (protocol !== undefined && !['tcp', 'udp', '*'].includes(protocol as string)) {
    problems.push({ key: `${at}.protocol`, message: `expected tcp, udp or "*", got ${JSON.stringify(r.protocol)}` });
  }
  const unknown = Object.keys(r).filter((k) => !['label', 'name', 'port', 'protocol'].includes(k));
  for (const k of unknown) problems.push({ key: `${at}.${k}`, message: 'unknown field; a row has label, port and protocol' });
  return { label, port, ...(protocol !== undefined ? { protocol } : {}) };
}

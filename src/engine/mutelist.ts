import picomatch from 'picomatch';
import type { MuteInfo } from '../core/finding.js';
import type { ResourceRef } from '../core/resource.js';
import type { MuteEntry } from '../config/schema.js';

type Matcher = (value: string) => boolean;

/** `/regex/flags` or a glob (`*` does not cross `/` in ids, so `**` is there for that). */
function matcher(pattern: string): Matcher {
  const slash = pattern.lastIndexOf('/');
  if (pattern.startsWith('/') && slash > 0) {
    const re = new RegExp(pattern.slice(1, slash), pattern.slice(slash + 1));
    return (value) => re.test(value);
  }
  if (pattern === '*') return () => true;
  return picomatch(pattern, { dot: true, nocase: false });
}

interface CompiledEntry {
  readonly index: number;
  readonly entry: MuteEntry;
  readonly check: Matcher;
  readonly account: Matcher;
  readonly region: Matcher;
  readonly resource: Matcher;
  readonly tags: readonly [string, Matcher][];
  readonly expired: boolean;
}

/**
 * Muted findings stay in every output, flagged with the rule and its reason. An entry past its
 * expiry date stops muting and is reported, so an exception cannot quietly become permanent.
 */
export class Mutelist {
  private readonly entries: CompiledEntry[];

  constructor(entries: readonly MuteEntry[], now: Date) {
    const today = now.toISOString().slice(0, 10);
    this.entries = entries.map((entry, index) => ({
      index,
      entry,
      check: matcher(entry.check),
      account: matcher(entry.account),
      region: matcher(entry.region),
      resource: matcher(entry.resource),
      tags: Object.entries(entry.tags).map(([k, v]) => [k, matcher(v)] as [string, Matcher]),
      expired: entry.expires !== undefined && entry.expires < today,
    }));
  }

  /** The first live entry that matches, as the finding's mute annotation. */
  match(checkId: string, resource: ResourceRef): MuteInfo | undefined {
    for (const e of this.entries) {
      if (e.expired) continue;
      const matches =
        e.check(checkId) &&
        e.account(resource.account) &&
        e.region(resource.region) &&
        (e.resource(resource.id) || e.resource(resource.name)) &&
        e.tags.every(([key, value]) => resource.tags[key] !== undefined && value(resource.tags[key]));
      if (matches) {
        return {
          reason: e.entry.reason,
          rule: e.index,
          ...(e.entry.owner === undefined ? {} : { owner: e.entry.owner }),
          ...(e.entry.expires === undefined ? {} : { expires: e.entry.expires }),
        };
      }
    }
    return undefined;
  }

  expired(): { rule: number; reason: string; expires: string }[] {
    return this.entries
      .filter((e) => e.expired)
      .map((e) => ({ rule: e.index, reason: e.entry.reason, expires: e.entry.expires ?? '' }));
  }
}

/**
 * Azure RBAC arithmetic, as Azure evaluates it: an action is allowed at a scope when one role the
 * identity holds there lists it in `actions` and not in that same role's `notActions` (a
 * `notActions` entry subtracts from its own role only, never from another), and no deny
 * assignment that reaches the scope denies it. Actions compare case-insensitively and `*` matches
 * any run of characters, `/` included (`*`, `*\/read`, `Microsoft.Storage/*`).
 *
 * A needed action may itself be a pattern: `*\/read` stands for "every read", which a listing of
 * resources of every type needs.
 */

export interface Grant {
  readonly actions: readonly string[];
  readonly notActions: readonly string[];
}

export interface Deny extends Grant {
  readonly name: string;
  /** `/subscriptions/s`, `/subscriptions/s/resourceGroups/rg`, a resource id, or above (a management group, `/`). */
  readonly scope: string;
  readonly doNotApplyToChildScopes: boolean;
  /** Why dutyscan takes it as applying to the identity (or cannot rule that out). */
  readonly appliesBecause: string;
}

const lower = (s: string) => s.toLowerCase();

/** Whether some action both globs accept exists (each `*` matches anything, a literal only itself). */
export function overlaps(a: string, b: string): boolean {
  const p = lower(a);
  const q = lower(b);
  const memo = new Map<number, boolean>();
  const go = (i: number, j: number): boolean => {
    const key = i * (q.length + 1) + j;
    const known = memo.get(key);
    if (known !== undefined) return known;
    let r: boolean;
    if (i === p.length && j === q.length) r = true;
    else if (p[i] === '*') r = go(i + 1, j) || (j < q.length && go(i, j + 1));
    else if (q[j] === '*') r = go(i, j + 1) || (i < p.length && go(i + 1, j));
    else r = i < p.length && j < q.length && p[i] === q[j] && go(i + 1, j + 1);
    memo.set(key, r);
    return r;
  };
  return go(0, 0);
}

/** Whether `pattern` accepts every action `needed` stands for (`*\/read` covers `Microsoft.Sql/*\/read`). */
export function covers(pattern: string, needed: string): boolean {
  // A literal of `pattern` never matches a `*` of `needed`: only a `*` of `pattern` can swallow it.
  const source = lower(pattern).split('*').map((x) => x.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*');
  return new RegExp(`^${source}$`).test(lower(needed));
}

/** What of `needed` a `notActions` entry takes away, as an action to name (`Microsoft.Storage/*` from `*\/read` is `Microsoft.Storage/*\/read`). */
function narrowed(removed: string, needed: string): string {
  if (covers(needed, removed)) return removed;
  if (removed.endsWith('*') && needed.startsWith('*')) return `${removed}${needed.slice(1)}`.replace(/\*\*+/g, '*');
  return needed;
}

/**
 * The parts of `needed` no role grants: empty when it is allowed. A `notActions` entry of one role
 * can be made good by another role that grants what it removed, so each removal is looked up again
 * in the other roles.
 */
export function ungranted(grants: readonly Grant[], needed: string): string[] {
  let best: string[] | undefined;
  grants.forEach((g, i) => {
    if (!g.actions.some((a) => covers(a, needed))) return;
    const others = grants.filter((_, k) => k !== i);
    const gaps = g.notActions.filter((n) => overlaps(n, needed)).flatMap((n) => ungranted(others, narrowed(n, needed)));
    if (!best || gaps.length < best.length) best = [...new Set(gaps)];
  });
  return best ?? [needed];
}

/** The part of `needed` a deny assignment takes away, if any (its `notActions` exempt what they cover). */
export function denied(deny: Grant, needed: string): string | undefined {
  const hit = deny.actions.find((a) => overlaps(a, needed) && !deny.notActions.some((n) => covers(n, narrowed(a, needed))));
  return hit === undefined ? undefined : narrowed(hit, needed);
}

/** Where a scope sits relative to a subscription: at or above it, below it (with the path inside), or elsewhere. */
export function placeOf(scope: string, subscription: string): { at: 'above' } | { at: 'below'; part: string } | { at: 'elsewhere' } {
  const s = lower(scope).replace(/\/+$/, '');
  const sub = `/subscriptions/${lower(subscription)}`;
  if (s === sub || !s.startsWith('/subscriptions/')) return { at: 'above' };
  if (s.startsWith(`${sub}/`)) return { at: 'below', part: scope.replace(/\/+$/, '').slice(sub.length + 1) };
  return { at: 'elsewhere' };
}

/** `Microsoft.Sql/servers/databases` for `.../providers/Microsoft.Sql/servers/s1/databases/d1`; undefined for a resource group. */
export function resourceTypeOf(part: string): string | undefined {
  const i = part.toLowerCase().indexOf('/providers/');
  if (i < 0) return undefined;
  const [ns, ...rest] = part.slice(i + '/providers/'.length).split('/');
  return [ns, ...rest.filter((_, k) => k % 2 === 0)].join('/');
}

import type { Timing } from '../core/summary.js';

/**
 * What a scan spent its time on, as spans (`--trace FILE`): discovery, accounts, collection tasks,
 * API calls, the waits around them (rate limits, engine pools, retries), evaluation and output.
 * A span is plain data with epoch-millisecond times, so a worker process can ship its spans to the
 * parent (`Trace.absorb`) and one file shows the whole scan. Nothing here runs unless a scan is
 * traced: the engine holds an optional `Trace` and checks it for null.
 */

export type SpanKind = 'run' | 'scan' | 'discovery' | 'account' | 'task' | 'call' | 'rate-limit' | 'pool' | 'retry' | 'evaluation' | 'output';

/** The kinds that are waits: the time a chain of work stood still for something outside the process. */
export const WAIT_KINDS: ReadonlySet<SpanKind> = new Set(['call', 'rate-limit', 'pool', 'retry']);

export interface Span {
  readonly id: number;
  /** The span this one is part of (its task, account, the scan); absent for the run itself. */
  readonly parent?: number;
  readonly kind: SpanKind;
  readonly name: string;
  /** Milliseconds since the epoch, fractional. */
  readonly start: number;
  readonly end: number;
  readonly provider?: string;
  readonly account?: string;
  readonly region?: string;
  readonly service?: string;
  readonly args?: Readonly<Record<string, string | number | boolean>>;
}

export type SpanFields = Pick<Span, 'provider' | 'account' | 'region' | 'service' | 'args'>;

/** Shorter waits are not recorded: a free slot or token is handed over within microseconds. */
const SHORTEST_WAIT_MS = 0.1;

/** The span every other span descends from: the whole command. */
export const RUN_SPAN = 0;

export class Trace {
  readonly spans: Span[] = [];
  private nextId = RUN_SPAN + 1;
  private readonly started = Trace.now();

  /** Epoch milliseconds with the monotonic clock's resolution. */
  static now(): number {
    return performance.timeOrigin + performance.now();
  }

  now(): number {
    return Trace.now();
  }

  /** Records a finished span; returns its id. */
  add(kind: SpanKind, name: string, parent: number, start: number, end: number, fields?: SpanFields): number {
    const id = this.nextId++;
    this.spans.push({ id, parent, kind, name, start, end, ...fields });
    return id;
  }

  /** Records a span (a wait, mostly) unless it was too short to matter. */
  addLasting(kind: SpanKind, name: string, parent: number, start: number, end: number, fields?: SpanFields): void {
    if (end - start >= SHORTEST_WAIT_MS) this.add(kind, name, parent, start, end, fields);
  }

  /**
   * Opens a span now; the id is known at once (children name it as their parent) and `close`
   * records it with the time it is called.
   */
  begin(kind: SpanKind, name: string, parent: number, fields?: SpanFields): { readonly id: number; readonly start: number; close(args?: Span['args']): void } {
    const id = this.nextId++;
    const start = this.now();
    return {
      id,
      start,
      close: (args) => {
        const merged = args ? { ...fields, args: { ...fields?.args, ...args } } : fields;
        this.spans.push({ id, parent, kind, name, start, end: this.now(), ...merged });
      },
    };
  }

  /** Takes in another recorder's spans (a worker's), under `parent`, with ids made unique here. */
  absorb(spans: readonly Span[], parent: number): void {
    const ids = new Map<number, number>();
    for (const s of spans) ids.set(s.id, this.nextId++);
    for (const s of spans) {
      const mapped = s.parent === undefined ? undefined : ids.get(s.parent);
      this.spans.push({ ...s, id: ids.get(s.id)!, parent: mapped ?? parent });
    }
  }

  /** Every span, with the run span itself closed now. */
  finish(name: string): Span[] {
    return [{ id: RUN_SPAN, kind: 'run', name, start: this.started, end: this.now() }, ...this.spans];
  }
}

// --- The critical path ---------------------------------------------------------------------

/** One stretch of the critical path: a wait, or time the path spent in a span's own work. */
export interface PathStep {
  readonly span: Span;
  /** The part of the span on the path (a span's own work is the gaps between its children). */
  readonly start: number;
  readonly end: number;
  /** True for time between a span's children (its own work: CPU, the event loop); false for a whole span without children (a call, a wait). */
  readonly self: boolean;
}

/**
 * The critical path under `rootId`: the chain of dependent spans that set its duration.
 *
 * Walk back from the root's end. Among the root's children that ended by then, the one that
 * ended last is what the root was waiting for at that moment: it is on the path, and its own
 * critical path (the same walk, one level down) replaces it. Then continue from the moment it
 * started, with the child that ended last before that, and so on until no child is left. Time
 * between the children on the path is the parent's own work (`self`). Children that ran in
 * parallel with the path never end in the gaps it leaves, so they are never on it.
 *
 * In a scan this follows discovery -> an account -> its last task -> that task's calls one after
 * another (each call on the path began only after the previous one on the path had ended),
 * through rate-limit and pool waits where a call waited for a token or a slot. Steps come out in
 * time order and cover the root from start to end without overlap.
 */
export function criticalPath(spans: readonly Span[], rootId: number): PathStep[] {
  const children = new Map<number, Span[]>();
  let root: Span | undefined;
  for (const s of spans) {
    if (s.id === rootId) root = s;
    if (s.parent === undefined) continue;
    const list = children.get(s.parent);
    if (list) list.push(s);
    else children.set(s.parent, [s]);
  }
  if (!root) return [];
  // Latest end first; among equal ends, the one that started last (the shorter) first.
  for (const list of children.values()) list.sort((a, b) => b.end - a.end || b.start - a.start);

  const steps: PathStep[] = [];
  const walk = (span: Span, from: number, until: number): void => {
    const kids = children.get(span.id) ?? [];
    let cursor = until;
    for (const child of kids) {
      if (cursor <= from) break;
      if (child.end > cursor || child.start < from) continue;
      if (child.end < cursor) steps.push({ span, start: child.end, end: cursor, self: true });
      walk(child, child.start, child.end);
      cursor = child.start;
    }
    if (cursor > from) steps.push({ span, start: from, end: cursor, self: kids.length > 0 });
  };
  walk(root, root.start, root.end);
  return steps.reverse();
}

// --- The summary -------------------------------------------------------------------------

const round = (ms: number): number => Math.round(ms * 10) / 10;

/** The timing summary of the scan span `rootId`, from its spans and the CPU time it used. */
export function timing(spans: readonly Span[], rootId: number, cpuMs: number): Timing {
  const root = spans.find((s) => s.id === rootId);
  const totals: Partial<Record<SpanKind, number>> = {};
  let calls = 0;
  for (const s of spans) {
    if (!WAIT_KINDS.has(s.kind)) continue;
    totals[s.kind] = (totals[s.kind] ?? 0) + (s.end - s.start);
    if (s.kind === 'call') calls++;
  }
  const byId = new Map(spans.map((s) => [s.id, s]));
  const byKind: Partial<Record<string, number>> = {};
  const segments: { kind: SpanKind; name: string; ms: number; calls: number; waits: Partial<Record<string, number>>; owner: number }[] = [];
  let pathCalls = 0;
  for (const step of criticalPath(spans, rootId)) {
    const ms = step.end - step.start;
    const what = step.self ? 'self' : step.span.kind;
    byKind[what] = (byKind[what] ?? 0) + ms;
    if (what === 'call') pathCalls++;
    // A wait belongs to the segment of the span it waited in (its task); own time to its span.
    const owner = step.self ? step.span : (byId.get(step.span.parent ?? -1) ?? step.span);
    let segment = segments.at(-1);
    if (!segment || segment.owner !== owner.id) segments.push((segment = { kind: owner.kind, name: owner.name, ms: 0, calls: 0, waits: {}, owner: owner.id }));
    segment.ms += ms;
    if (what === 'call') segment.calls++;
    segment.waits[what] = (segment.waits[what] ?? 0) + ms;
  }
  const rounded = (r: Partial<Record<string, number>>) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, round(v ?? 0)]));
  return {
    wallMs: round(root ? root.end - root.start : 0),
    cpuMs: round(cpuMs),
    networkMs: round(totals.call ?? 0),
    rateLimitMs: round(totals['rate-limit'] ?? 0),
    poolMs: round(totals.pool ?? 0),
    retryMs: round(totals.retry ?? 0),
    calls,
    criticalPath: {
      waitMs: round([...WAIT_KINDS].reduce((sum, kind) => sum + (byKind[kind] ?? 0), 0)),
      calls: pathCalls,
      byKind: rounded(byKind),
      segments: segments
        .filter((s) => s.ms >= SHORTEST_WAIT_MS)
        .map(({ kind, name, ms, calls: n, waits }) => ({ kind, name, ms: round(ms), calls: n, waits: rounded(waits) })),
    },
  };
}

// --- Chrome trace-event JSON ---------------------------------------------------------------

interface TraceEvent {
  readonly name: string;
  readonly cat?: string;
  readonly ph: 'X' | 'M';
  readonly ts?: number;
  readonly dur?: number;
  readonly pid: number;
  readonly tid: number;
  readonly args?: Record<string, unknown>;
}

/** The process lane a span is drawn in: one per provider account, one for the scan as a whole. */
const laneGroup = (s: Span): string => (s.provider && s.account ? `${s.provider} ${s.account}` : 'dutyscan');

/**
 * The spans as Chrome trace-event JSON (`{"traceEvents": [...]}`), which Perfetto and
 * chrome://tracing open: complete events (ph X) in microseconds from the start of the run, one
 * process per account and one for the scan, and within each as many threads as it takes for
 * every thread's spans to nest (concurrent tasks and calls each get a lane of their own).
 */
export function chromeTrace(spans: readonly Span[]): { traceEvents: TraceEvent[]; displayTimeUnit: 'ms' } {
  const origin = spans.reduce((min, s) => Math.min(min, s.start), Number.POSITIVE_INFINITY);
  const groups = new Map<string, Span[]>();
  for (const s of spans) {
    const key = laneGroup(s);
    const list = groups.get(key);
    if (list) list.push(s);
    else groups.set(key, [s]);
  }
  // Whole microseconds from the start, ends rounded like starts: a span that ends as the next begins still does.
  const micros = (ms: number): number => Math.round((ms - origin) * 1000);
  const events: TraceEvent[] = [];
  let pid = 0;
  for (const [group, members] of groups) {
    pid++;
    events.push({ name: 'process_name', ph: 'M', pid, tid: 0, args: { name: group } });
    events.push({ name: 'process_sort_index', ph: 'M', pid, tid: 0, args: { sort_index: pid } });
    const lanes = assignLanes(members);
    for (let tid = 1; tid <= lanes.count; tid++) events.push({ name: 'thread_name', ph: 'M', pid, tid, args: { name: `lane ${tid}` } });
    for (const s of members) {
      const { provider, account, region, service, args } = s;
      events.push({
        name: s.name, cat: s.kind, ph: 'X', ts: micros(s.start), dur: micros(s.end) - micros(s.start), pid, tid: lanes.of.get(s)!,
        args: { id: s.id, ...(s.parent !== undefined ? { parent: s.parent } : {}), ...(provider ? { provider } : {}), ...(account ? { account } : {}), ...(region ? { region } : {}), ...(service ? { service } : {}), ...args },
      });
    }
  }
  return { traceEvents: events, displayTimeUnit: 'ms' };
}

/**
 * Lanes in which spans nest: in start order (longer first on a tie), each span goes to the first
 * lane that has nothing open, or whose innermost open span is one of its ancestors and contains
 * it; its parent's lane is tried first. A sibling never nests in a sibling, so it never looks like its child.
 */
function assignLanes(spans: readonly Span[]): { of: Map<Span, number>; count: number } {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  const byId = new Map(spans.map((s) => [s.id, s]));
  const isAncestor = (candidate: Span, s: Span): boolean => {
    for (let p = s.parent; p !== undefined; p = byId.get(p)?.parent) if (p === candidate.id) return true;
    return false;
  };
  const open: Span[][] = [];
  const of = new Map<Span, number>();
  const laneOfId = new Map<number, number>();
  for (const s of sorted) {
    const fits = (lane: number): boolean => {
      const stack = open[lane]!;
      while (stack.length > 0 && stack.at(-1)!.end <= s.start) stack.pop();
      const top = stack.at(-1);
      return top === undefined || (top.end >= s.end && isAncestor(top, s));
    };
    const preferred = s.parent !== undefined ? laneOfId.get(s.parent) : undefined;
    let lane = preferred !== undefined && fits(preferred) ? preferred : open.findIndex((_, i) => fits(i));
    if (lane < 0) lane = open.push([]) - 1;
    open[lane]!.push(s);
    of.set(s, lane + 1);
    laneOfId.set(s.id, lane);
  }
  return { of, count: open.length };
}

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

  /**
   * Takes in another recorder's spans (a worker's), under `parent`, with ids made unique here; a
   * wait's `after` (the span that freed its slot) is renumbered with them.
   */
  absorb(spans: readonly Span[], parent: number): void {
    const ids = new Map<number, number>();
    for (const s of spans) ids.set(s.id, this.nextId++);
    for (const s of spans) {
      const mapped = s.parent === undefined ? undefined : ids.get(s.parent);
      const after = s.args?.after;
      const args = typeof after === 'number' ? renumbered(s.args!, ids.get(after)) : s.args;
      this.spans.push({ ...s, id: ids.get(s.id)!, parent: mapped ?? parent, ...(args ? { args } : {}) });
    }
  }

  /** Every span, with the run span itself closed now. */
  finish(name: string): Span[] {
    return [{ id: RUN_SPAN, kind: 'run', name, start: this.started, end: this.now() }, ...this.spans];
  }
}

function renumbered(args: NonNullable<Span['args']>, after: number | undefined): Span['args'] | undefined {
  const { after: _, ...rest } = args;
  const out = after === undefined ? rest : { ...rest, after };
  return Object.keys(out).length > 0 ? out : undefined;
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
 * Walk back from the root's end. Among the current span's children that ended by then, the one
 * that ended last is what the span was waiting for at that moment: step into it and walk back
 * from its end the same way. A span without children is a step of the path (a call, a wait);
 * the walk then goes on from its start among its siblings. When no child ended before the
 * moment reached, the time back to the span's start is its own work (`self`), and the walk
 * goes on from that start among the span's siblings, one level up.
 *
 * A pool wait ends when another span gives its slot back; the wait names that span (`after`
 * in its args). The path goes on through that span, which is what the wait was waiting for,
 * rather than back to when the wait began: so a pool too small for its work shows as the
 * chain of work queued behind it, not as one long wait.
 *
 * In a scan this follows discovery -> an account -> its last task -> that task's calls one after
 * another, through rate-limit waits and the tasks and calls whose slots it waited for. Steps
 * come out in time order and cover the root from start to end without overlap.
 */
export function criticalPath(spans: readonly Span[], rootId: number): PathStep[] {
  const byId = new Map<number, Span>();
  const children = new Map<number, Span[]>();
  for (const s of spans) {
    byId.set(s.id, s);
    if (s.parent === undefined) continue;
    const list = children.get(s.parent);
    if (list) list.push(s);
    else children.set(s.parent, [s]);
  }
  const root = byId.get(rootId);
  if (!root) return [];
  const within = (s: Span): boolean => {
    for (let p: Span | undefined = s; p; p = p.parent === undefined ? undefined : byId.get(p.parent)) if (p.id === rootId) return true;
    return false;
  };

  const steps: PathStep[] = [];
  // Walk back through `span` from `cursor`; `span` is open (its children are candidates).
  let span = root;
  let cursor = root.end;
  for (;;) {
    let next: Span | undefined;
    for (const child of children.get(span.id) ?? []) {
      if (child.end <= cursor && child.start >= span.start && child.start < cursor && (!next || child.end > next.end || (child.end === next.end && child.start > next.start))) next = child;
    }
    if (next) {
      if (next.end < cursor) steps.push({ span, start: next.end, end: cursor, self: true });
      cursor = next.end;
      if (children.has(next.id)) {
        span = next;
        continue;
      }
      const releaser = next.kind === 'pool' && typeof next.args?.['after'] === 'number' ? byId.get(next.args['after']) : undefined;
      if (releaser && within(releaser) && releaser.start < next.end && releaser.end > next.start) {
        // The wait lasted until the releaser ended: the path goes on through it.
        const released = Math.min(releaser.end, cursor);
        if (released < cursor) steps.push({ span: next, start: released, end: cursor, self: false });
        span = releaser;
        cursor = released;
        continue;
      }
      steps.push({ span: next, start: next.start, end: cursor, self: false });
      cursor = next.start;
      continue;
    }
    // No child ended before the cursor: the rest back to the span's start is its own (a leaf: itself).
    if (cursor > span.start) steps.push({ span, start: span.start, end: cursor, self: children.has(span.id) });
    cursor = Math.min(cursor, span.start);
    if (span.id === rootId || span.parent === undefined) break;
    span = byId.get(span.parent) ?? root;
  }
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

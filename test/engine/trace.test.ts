import { describe, expect, it } from 'vitest';
import { Trace, chromeTrace, criticalPath, timing, type Span, type SpanKind } from '../../src/engine/trace.js';

let nextId = 100;
const span = (kind: SpanKind, name: string, parent: number | undefined, start: number, end: number, id = nextId++): Span =>
  ({ id, kind, name, start, end, ...(parent !== undefined ? { parent } : {}), provider: 'aws', account: '1' });

/**
 * A scan of 100 ms: discovery (one call), then an account whose task A runs in parallel with task
 * B; B waits 30 ms for a pool slot and then makes two calls one after the other; evaluation follows.
 */
function scan(): Span[] {
  return [
    span('scan', 'scan', undefined, 0, 100, 1),
    span('discovery', 'discover aws', 1, 0, 10, 2),
    span('call', 'sts:GetCallerIdentity', 2, 1, 9),
    span('account', 'aws 1', 1, 10, 100, 3),
    span('task', 'A', 3, 10, 60, 4),
    span('call', 'a1', 4, 12, 30),
    span('call', 'a2', 4, 30, 58),
    span('task', 'B', 3, 10, 95, 5),
    span('pool', 'task pool', 5, 10, 40),
    span('call', 'b1', 5, 40, 70),
    span('call', 'b2', 5, 72, 94),
    // Runs beside b1 and b2, never in a gap of the path: not on it.
    span('call', 'b-parallel', 5, 41, 93),
    span('evaluation', 'evaluate', 3, 95, 99),
  ];
}

describe('criticalPath', () => {
  it('walks back from the end through the child that ended last, into its own children', () => {
    const steps = criticalPath(scan(), 1);
    expect(steps.map((s) => [s.span.name, s.start, s.end, s.self])).toEqual([
      ['discover aws', 0, 1, true],
      ['sts:GetCallerIdentity', 1, 9, false],
      ['discover aws', 9, 10, true],
      ['task pool', 10, 40, false],
      ['b1', 40, 70, false],
      ['B', 70, 72, true],
      ['b2', 72, 94, false],
      ['B', 94, 95, true],
      ['evaluate', 95, 99, false],
      ['aws 1', 99, 100, true],
    ]);
  });

  it('covers its root from start to end without overlap', () => {
    const steps = criticalPath(scan(), 1);
    for (let i = 1; i < steps.length; i++) expect(steps[i]!.start).toBe(steps[i - 1]!.end);
    expect(steps[0]!.start).toBe(0);
    expect(steps.at(-1)!.end).toBe(100);
  });

  it('takes a root without children as its own path, and an unknown root as none', () => {
    expect(criticalPath([span('scan', 'empty', undefined, 5, 8, 7)], 7).map((s) => [s.start, s.end])).toEqual([[5, 8]]);
    expect(criticalPath(scan(), 999)).toEqual([]);
  });

  it('goes on through the span whose end gave a pool wait its slot, not back to when the wait began', () => {
    // One slot: task Q waits for it from 0 until P gives it back at 40.
    const spans = [
      span('account', 'acct', undefined, 0, 80, 1),
      span('task', 'P', 1, 0, 40, 2),
      span('call', 'p1', 2, 0, 20),
      span('call', 'p2', 2, 20, 40),
      span('task', 'Q', 1, 0, 80, 3),
      { ...span('pool', 'task pool', 3, 0, 40), args: { after: 2 } },
      span('call', 'q1', 3, 40, 80),
    ];
    const steps = criticalPath(spans, 1);
    expect(steps.map((s) => [s.span.name, s.start, s.end])).toEqual([['p1', 0, 20], ['p2', 20, 40], ['q1', 40, 80]]);
    expect(timing(spans, 1, 0).criticalPath.calls).toBe(3);
    // Without the link, the wait itself is on the path.
    const unlinked = spans.map((s) => (s.kind === 'pool' ? { ...s, args: {} } : s));
    expect(criticalPath(unlinked, 1).map((s) => s.span.name)).toEqual(['task pool', 'q1']);
  });

  it('skips a child that outlived the span it belongs to (an abandoned call)', () => {
    const spans = [span('task', 't', undefined, 0, 50, 1), span('call', 'late', 1, 10, 80), span('call', 'in', 1, 5, 20)];
    expect(criticalPath(spans, 1).filter((s) => !s.self).map((s) => s.span.name)).toEqual(['in']);
  });
});

describe('timing', () => {
  it('sums the waits, and breaks the critical path into segments by the span they waited in', () => {
    const t = timing(scan(), 1, 42);
    expect(t).toMatchObject({ wallMs: 100, cpuMs: 42, calls: 6, networkMs: 8 + 18 + 28 + 30 + 22 + 52, poolMs: 30, rateLimitMs: 0 });
    expect(t.criticalPath).toMatchObject({ waitMs: 90, calls: 3, byKind: { call: 60, pool: 30, evaluation: 4, self: 6 } });
    expect(t.criticalPath.segments.map((s) => [s.kind, s.name, s.ms, s.calls])).toEqual([
      ['discovery', 'discover aws', 10, 1],
      ['task', 'B', 85, 2],
      ['account', 'aws 1', 5, 0],
    ]);
    expect(t.criticalPath.segments[1]!.waits).toEqual({ pool: 30, call: 52, self: 3 });
  });
});

describe('chromeTrace', () => {
  it('writes complete events in microseconds, one process per account, in lanes where spans nest', () => {
    const unplaced = ({ provider: _p, account: _a, ...rest }: Span): Span => rest;
    const { traceEvents } = chromeTrace(scan().map((s) => (s.kind === 'scan' ? unplaced(s) : s)));
    const complete = traceEvents.filter((e) => e.ph === 'X');
    expect(complete).toHaveLength(scan().length);
    expect(complete.find((e) => e.name === 'b1')).toMatchObject({ cat: 'call', ts: 40_000, dur: 30_000, args: { parent: 5, account: '1' } });
    expect(traceEvents.filter((e) => e.name === 'process_name').map((e) => e.args?.name)).toEqual(['dutyscan', 'aws 1']);
    // b-parallel overlaps b1 and b2 partly: it cannot share their lane.
    const lane = (name: string) => complete.find((e) => e.name === name)!.tid;
    expect(lane('b1')).toBe(lane('B'));
    expect(lane('b-parallel')).not.toBe(lane('b1'));
    expect(lane('a1')).not.toBe(lane('b1'));
  });
});

describe('Trace', () => {
  it('records spans with unique ids, drops waits too short to matter, and absorbs a worker\'s spans under a parent', () => {
    const trace = new Trace();
    const task = trace.begin('task', 'ec2 us-east-1', 0, { service: 'ec2' });
    trace.addLasting('pool', 'slot', task.id, 10, 10.05);
    trace.addLasting('pool', 'slot', task.id, 10, 12);
    task.close({ listings: 2 });
    expect(trace.spans.map((s) => s.kind)).toEqual(['pool', 'task']);
    expect(trace.spans[1]).toMatchObject({ id: task.id, parent: 0, service: 'ec2', args: { listings: 2 } });

    const worker = new Trace();
    const remote = worker.begin('account', 'aws 2', 0);
    worker.add('call', 'x', remote.id, 1, 2);
    remote.close();
    trace.absorb(JSON.parse(JSON.stringify(worker.spans)) as Span[], task.id);
    const [call, account] = trace.spans.slice(-2);
    expect(account).toMatchObject({ kind: 'account', parent: task.id });
    expect(call).toMatchObject({ kind: 'call', parent: account!.id });
    expect(new Set(trace.spans.map((s) => s.id)).size).toBe(trace.spans.length);
    expect(trace.finish('run')[0]).toMatchObject({ id: 0, kind: 'run' });
  });
});

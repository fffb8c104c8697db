/**
 * `dutyscan scan --trace FILE` as a user runs it (the built CLI, its own process) against the AWS
 * fake: the file is Chrome trace-event JSON whose spans account for the scan, and the JSON
 * document's summary carries the timing and a critical path no longer than the scan.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScanSummary } from '../../src/core/summary.js';
import { FakeAws, richAccount, singleAccountState, useFakeCredentials } from '../providers/aws/support.js';
import { dutyscan, type Run } from '../support/cli.js';

interface Event {
  readonly name: string;
  readonly cat?: string;
  readonly ph: string;
  readonly ts?: number;
  readonly dur?: number;
  readonly pid: number;
  readonly tid: number;
  readonly args?: Record<string, unknown>;
}

describe('scan --trace', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dutyscan-trace-'));
  let fake: FakeAws;
  let run: Run;
  let events: Event[];
  let summary: ScanSummary;
  const spans = (cat: string) => events.filter((e) => e.ph === 'X' && e.cat === cat);

  beforeAll(async () => {
    fake = await FakeAws.start(singleAccountState(richAccount()));
    fake.latencyMs = 5;
    // One throttled answer: the SDK retries it, and the trace says so with the error code.
    fake.fault({ service: 'ec2', operation: 'DescribeSecurityGroups', code: 'Throttling', status: 400, times: 1 });
    useFakeCredentials();
    writeFileSync(join(dir, 'dutyscan.yaml'), `providers:\n  aws:\n    endpoint: ${fake.url}\n    s3ForcePathStyle: true\n    regions: [us-east-1, eu-west-1]\n    maxAttempts: 3\n`);
    run = await dutyscan(['scan', '-p', 'aws', '-c', join(dir, 'dutyscan.yaml'), '-f', 'json', '-o', join(dir, 'out'), '--no-progress', '--trace', join(dir, 'scan.trace.json')], { timeoutMs: 120_000 });
    events = (JSON.parse(readFileSync(join(dir, 'scan.trace.json'), 'utf8')) as { traceEvents: Event[] }).traceEvents;
    const file = readdirSync(join(dir, 'out')).find((f) => f.endsWith('.json'))!;
    summary = (JSON.parse(readFileSync(join(dir, 'out', file), 'utf8')) as { scan: ScanSummary }).scan;
  }, 150_000);
  afterAll(async () => {
    await fake.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('scans as without a trace, and says where the trace went', () => {
    expect(run.code, run.stderr).toBe(3);
    expect(summary.counts.byStatus.ERROR).toBe(0);
    expect(run.stderr).toMatch(/wrote trace .*scan\.trace\.json \(\d+ spans/);
  });

  it('has complete events in microseconds for discovery, every task, every call, evaluation and output, in named lanes', () => {
    for (const cat of ['run', 'scan', 'discovery', 'account', 'task', 'call', 'evaluation', 'output']) expect(spans(cat).length, cat).toBeGreaterThan(0);
    for (const e of events.filter((x) => x.ph === 'X')) {
      expect(e.ts, e.name).toBeGreaterThanOrEqual(0);
      expect(e.dur, e.name).toBeGreaterThanOrEqual(0);
    }
    const named = new Set(events.filter((e) => e.ph === 'M' && e.name === 'process_name').map((e) => e.args?.name));
    expect(named).toContain('aws 111111111111');
    expect(named).toContain('dutyscan');
    // Every call the summary counts is in the trace, named by service and operation, with its scope.
    expect(spans('call').length).toBe(summary.totalApiCalls);
    expect(spans('call').map((e) => e.name)).toContain('ec2:DescribeSecurityGroups');
    expect(spans('call').every((e) => e.args?.service && e.args.region)).toBe(true);
    expect(spans('task').map((e) => e.name)).toEqual(expect.arrayContaining(['ec2 us-east-1', 'ec2 eu-west-1']));
  });

  it('nests every call within its task, in time and in its lane', () => {
    const byId = new Map(events.filter((e) => e.ph === 'X').map((e) => [e.args!.id as number, e]));
    const taskCalls = spans('call').filter((c) => byId.get(c.args!.parent as number)?.cat === 'task');
    expect(taskCalls.length).toBeGreaterThan(spans('call').length / 2);
    for (const call of taskCalls) {
      const task = byId.get(call.args!.parent as number)!;
      expect(call.ts!, call.name).toBeGreaterThanOrEqual(task.ts!);
      expect(call.ts! + call.dur!, call.name).toBeLessThanOrEqual(task.ts! + task.dur! + 1);
      expect(call.pid).toBe(task.pid);
    }
    // Within one lane, spans nest: none overlaps another partly.
    const lanes = new Map<string, Event[]>();
    for (const e of events.filter((x) => x.ph === 'X')) lanes.set(`${e.pid}/${e.tid}`, [...(lanes.get(`${e.pid}/${e.tid}`) ?? []), e]);
    for (const lane of lanes.values()) {
      const sorted = lane.sort((a, b) => a.ts! - b.ts! || b.dur! - a.dur!);
      const open: number[] = [];
      for (const e of sorted) {
        while (open.length > 0 && open.at(-1)! <= e.ts!) open.pop();
        if (open.length > 0) expect(e.ts! + e.dur!, e.name).toBeLessThanOrEqual(open.at(-1)! + 0.2);
        open.push(e.ts! + e.dur!);
      }
    }
  });

  it('records the throttled attempt as a retry with its error code', () => {
    const retries = spans('retry');
    expect(retries.length).toBeGreaterThanOrEqual(1);
    expect(retries[0]!.args).toMatchObject({ service: 'ec2', reason: expect.stringMatching(/Throttling/) });
    expect(summary.retries['aws/ec2/Throttling']).toBe(1);
  });

  it('puts the timing and a critical path no longer than the scan in the summary', () => {
    const timing = summary.timing!;
    expect(timing.wallMs).toBeGreaterThan(0);
    expect(timing.wallMs).toBeLessThanOrEqual(summary.durationMs + 5);
    expect(timing.cpuMs).toBeGreaterThan(0);
    expect(timing.calls).toBe(summary.totalApiCalls);
    expect(timing.networkMs).toBeGreaterThanOrEqual(timing.calls * 5 * 0.9);
    const path = timing.criticalPath;
    expect(path.segments.length).toBeGreaterThan(0);
    expect(path.calls).toBeGreaterThan(0);
    expect(path.waitMs).toBeGreaterThan(0);
    expect(path.waitMs).toBeLessThanOrEqual(timing.wallMs);
    // The path starts with discovery, which every task waits for.
    expect(path.segments.find((s) => s.kind !== 'scan')?.kind).toBe('discovery');
    const covered = path.segments.reduce((sum, s) => sum + s.ms, 0);
    expect(covered).toBeGreaterThan(timing.wallMs * 0.95);
    expect(covered).toBeLessThanOrEqual(timing.wallMs + 1);
  });

  it('is not in the summary of a scan without --trace', async () => {
    const out = join(dir, 'plain');
    const plain = await dutyscan(['scan', '-p', 'aws', '-c', join(dir, 'dutyscan.yaml'), '-f', 'json', '-o', out, '--no-progress'], { timeoutMs: 120_000 });
    expect(plain.code, plain.stderr).toBe(3);
    const file = readdirSync(out).find((f) => f.endsWith('.json'))!;
    expect((JSON.parse(readFileSync(join(out, file), 'utf8')) as { scan: ScanSummary }).scan).not.toHaveProperty('timing');
  }, 150_000);
});

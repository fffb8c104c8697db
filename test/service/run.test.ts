import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/core/finding.js';
import { missingText, runFindings, runStatus } from '../../src/service/run.js';
import type { RunShard, ScanFindingRow, ScanRecord } from '../../src/store/types.js';
import { finding } from '../support/findings.js';

const shard = (index: number, count: number, scan?: Partial<ScanRecord>): RunShard =>
  ({ runId: 'r', index, count, scanId: `s${index}`, recordedAt: '', context: {} as RunShard['context'], scan: scan ? ({ status: 'completed', message: null, drift: {}, ...scan } as ScanRecord) : undefined });

describe('runStatus', () => {
  it('is complete when every index has a completed scan, and adds up the shards\' drift', () => {
    const s = runStatus('r', [shard(0, 2, { drift: { new: 2 } }), shard(1, 2, { drift: { new: 1, resolved: 1 } })]);
    expect(s).toMatchObject({ complete: true, count: 2, missing: [], drift: { new: 3, resolved: 1 } });
  });

  it('names each shard that has not reported, and why', () => {
    const s = runStatus('r', [
      shard(0, 4, { status: 'failed', message: 'AccessDenied' }),
      shard(1, 4, { status: 'running' }),
      shard(3, 3),
      shard(2, 4),
    ].sort((a, b) => a.index - b.index));
    expect(s.complete).toBe(false);
    expect(s.missing).toEqual([
      { index: 0, reason: 'failed: AccessDenied' },
      { index: 1, reason: 'still running' },
      { index: 2, reason: 'registered, but its scan was never recorded' },
      { index: 3, reason: 'ran as shard 3/3, not of 4' },
    ]);
    expect(missingText(runStatus('r', [shard(0, 2, {})]))).toBe('shard 1 of 2 (never started)');
    expect(runStatus('r', []).complete).toBe(false);
  });
});

describe('runFindings', () => {
  const row = (id: string, status: Finding['status'], change: ScanFindingRow['change'] = null): ScanFindingRow => ({ finding: { ...finding({ status }), id }, change });
  const store = (rows: Record<string, ScanFindingRow[]>) => ({
    async *scanFindings(scanId: string) {
      yield* rows[scanId] ?? [];
    },
  });

  it('merges the shards\' id-ordered rows into one id order, each id once, without what a shard resolved unseen', async () => {
    const rows = {
      a: [row('01', 'PASS'), row('04', 'FAIL', 'resolved'), row('05', 'FAIL')],
      b: [row('02', 'PASS', 'resolved'), row('03', 'ERROR', 'resolved'), row('05', 'PASS'), row('06', 'NOT_APPLICABLE', 'resolved')],
    };
    const out: Finding[] = [];
    for await (const f of runFindings(store(rows), ['a', 'b'])) out.push(f);
    expect(out.map((f) => `${f.id} ${f.status}`)).toEqual(['01 PASS', '02 PASS', '05 FAIL', '06 NOT_APPLICABLE']);
  });
});

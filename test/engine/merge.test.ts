import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/core/finding.js';
import type { ScanSummary } from '../../src/core/summary.js';
import { defaultConfig } from '../../src/config/schema.js';
import { demoSource } from '../../src/demo/index.js';
import { demoAttestations } from '../../src/demo/attestations.js';
import { emptyPart, mergeParts, mergeScans, partOf, summariseParts, tallyOf, type ScanPart } from '../../src/engine/merge.js';
import { Mutelist } from '../../src/engine/mutelist.js';
import { runScan } from '../../src/engine/scan.js';
import { loadCatalog, resolveContract } from '../../src/mapping/catalog.js';
import { allChecks } from '../../checks/index.js';
import { silentLog } from '../support/engine.js';

const catalog = loadCatalog();
const contract = resolveContract(catalog, 'iaas-customer-duties');
const now = new Date('2026-06-01T12:00:00.000Z');
const attestations = demoAttestations(now);

async function scan(shard?: { index: number; count: number }): Promise<{ summary: ScanSummary; findings: Finding[] }> {
  const findings: Finding[] = [];
  const summary = await runScan(
    { config: defaultConfig(), providers: ['aws', 'azure', 'gcp'], checks: allChecks, catalog, contract, source: demoSource(now), now, log: silentLog, attestations, ...(shard ? { shard } : {}) },
    (f) => { findings.push(f); },
  );
  return { summary, findings };
}

/** What must differ between two scans of one estate: the scan's own id and clock. */
const comparable = ({ id: _id, startedAt: _s, finishedAt: _f, durationMs: _d, ...rest }: ScanSummary) => rest;

const context = { catalog, contract, checks: allChecks.map((c) => c.id), attestations, now };

describe('mergeScans', () => {
  it('the shards of a scan of the demo organisation merge into the summary of the scan in one piece', async () => {
    const whole = await scan();
    const parts = await Promise.all([0, 1, 2].map((index) => scan({ index, count: 3 })));
    // Each shard saw part of it: the test means something only if the split is real.
    for (const p of parts) expect(p.findings.length).toBeGreaterThan(0);
    expect(parts.reduce((n, p) => n + p.findings.length, 0)).toBe(whole.findings.length);

    const merged = await mergeScans(parts.map((p) => p.summary), parts.flatMap((p) => p.findings), context);
    const expected = await mergeScans([whole.summary], whole.findings, context);
    expect(comparable(merged)).toEqual(comparable(expected));
    // Merging one part is the scan itself, but for the canonical order of its lists.
    const sorted = (s: ScanSummary) => ({ ...comparable(s), accounts: [...s.accounts].sort((a, b) => a.account.localeCompare(b.account)), errors: [] });
    expect(sorted(expected)).toEqual(sorted(whole.summary));
    expect(expected.errors).toHaveLength(whole.summary.errors.length);
    expect(merged.obligations.some((o) => o.status === 'not-met')).toBe(true);
    expect(merged.startedAt <= merged.finishedAt).toBe(true);
  });

  it('a missing shard shows: the merge counts only what it is given', async () => {
    const parts = await Promise.all([0, 1].map((index) => scan({ index, count: 2 })));
    const whole = await mergeScans(parts.map((p) => p.summary), parts.flatMap((p) => p.findings), context);
    const half = await mergeScans([parts[0]!.summary], parts[0]!.findings, context);
    expect(half.findings).toBe(parts[0]!.findings.length);
    expect(half.findings).toBeLessThan(whole.findings);
    expect(half.scopes.planned).toBeLessThan(whole.scopes.planned);
  });

  it('adds up API calls, retries and undelivered findings of the parts', async () => {
    const base = (await scan({ index: 0, count: 2 })).summary;
    const part = (calls: number, undelivered: number): ScanSummary => ({
      ...base,
      apiCalls: { aws: { s3: { ListBuckets: calls } } },
      totalApiCalls: calls,
      retries: { throttled: 1 },
      rateLimitWaitMs: 10,
      undelivered: { siem: undelivered },
    });
    const merged = await mergeScans([part(3, 1), part(4, 2)], [], context);
    expect(merged).toMatchObject({ apiCalls: { aws: { s3: { ListBuckets: 7 } } }, totalApiCalls: 7, retries: { throttled: 2 }, rateLimitWaitMs: 20, undelivered: { siem: 3 } });
    await expect(mergeScans([], [], context)).rejects.toThrow(/at least one part/);
  });
});

/** As `comparable`, accounts in one order. */
const comparableSorted = (s: ScanSummary) =>
  ({ ...comparable(s), accounts: [...s.accounts].sort((a, b) => `${a.provider}/${a.account}`.localeCompare(`${b.provider}/${b.account}`)) });

describe('merge: parts of a scan add up to one summary', () => {
  it('the demo scanned as three shards merges into the summary of one scan', async () => {
    const whole = await scan();
    const shards = await Promise.all([0, 1, 2].map((index) => scan({ index, count: 3 })));
    expect(shards.every((s) => s.findings.length > 0)).toBe(true); // each shard holds some accounts: the test can fail
    const merged = summariseParts(
      { started: now, source: 'demo', providers: whole.summary.providers, checks: allChecks, catalog, contract, mutelist: new Mutelist(defaultConfig().mutelist, now), now, attestations },
      tallyOf(shards.flatMap((s) => s.findings)),
      shards.map((s) => partOf(s.summary)),
    );
    expect(merged.findings).toBe(whole.findings.length);
    expect(comparableSorted(merged)).toEqual(comparableSorted(whole.summary));
  });

  it('adds counts and API statistics, keeps accounts and errors in the parts order', () => {
    const error = { code: 'ACCESS_DENIED' as const, operation: 'ec2:DescribeInstances', message: 'denied', provider: 'aws' as const, account: '2', region: 'eu-west-1' };
    const a: ScanPart = { ...emptyPart(), accounts: [{ provider: 'aws', account: '1' }], scopes: { planned: 2, done: 1 },
      apiStats: [{ calls: { aws: { ec2: { DescribeInstances: 3 } } }, retries: {}, totalCalls: 3, rateLimitWaitMs: 5 }], collectionMode: { aws: 'organization' } };
    const b: ScanPart = { ...emptyPart(), accounts: [{ provider: 'aws', account: '2' }], scopes: { planned: 1, done: 1 }, errors: [error],
      apiStats: [{ calls: { aws: { ec2: { DescribeInstances: 4 } } }, retries: {}, totalCalls: 4, rateLimitWaitMs: 1 }] };
    const m = mergeParts([a, b]);
    expect(m.accounts.map((x) => x.account)).toEqual(['1', '2']);
    expect(m.scopes).toEqual({ planned: 3, done: 2 });
    expect(m.errors).toEqual([error]);
    expect(m.apiStats.reduce((n, s) => n + s.totalCalls, 0)).toBe(7);
    expect(m.collectionMode).toEqual({ aws: 'organization' });
  });
});

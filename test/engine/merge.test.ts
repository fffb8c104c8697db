import { describe, expect, it } from 'vitest';
import pino from 'pino';
import { allChecks } from '../../checks/index.js';
import { defaultConfig } from '../../src/config/schema.js';
import type { Finding } from '../../src/core/finding.js';
import type { ScanSummary } from '../../src/core/summary.js';
import { demoSource } from '../../src/demo/index.js';
import { emptyPart, mergeParts, summariseParts, tallyOf, type ScanPart } from '../../src/engine/merge.js';
import { Mutelist } from '../../src/engine/mutelist.js';
import { runScan } from '../../src/engine/scan.js';
import { loadCatalog, resolveContract } from '../../src/mapping/catalog.js';
import { PROVIDER_IDS } from '../../providers/index.js';

const now = new Date('2026-03-01T00:00:00Z');
const catalog = loadCatalog();
const contract = resolveContract(catalog, 'iaas-customer-duties');
const config = defaultConfig();

async function demoScan(shard?: { index: number; count: number }): Promise<{ summary: ScanSummary; findings: Finding[] }> {
  const findings: Finding[] = [];
  const summary = await runScan(
    { config, providers: PROVIDER_IDS, checks: allChecks, catalog, contract, log: pino({ level: 'silent' }), source: demoSource(now), now, ...(shard ? { shard } : {}) },
    (f) => { findings.push(f); },
  );
  return { summary, findings };
}

const partOf = (s: ScanSummary): ScanPart => ({
  accounts: s.accounts, scopes: s.scopes, errors: s.errors, collectionMode: s.collectionMode,
  apiStats: [{ calls: s.apiCalls, retries: s.retries, totalCalls: s.totalApiCalls, rateLimitWaitMs: s.rateLimitWaitMs }],
});

/** A summary without what differs between two runs of the same scan (its id and its clock), accounts in one order. */
const comparable = ({ id: _id, startedAt: _s, finishedAt: _f, durationMs: _d, ...rest }: ScanSummary) =>
  ({ ...rest, accounts: [...rest.accounts].sort((a, b) => `${a.provider}/${a.account}`.localeCompare(`${b.provider}/${b.account}`)) });

describe('merge: parts of a scan add up to one summary', () => {
  it('the demo scanned as three shards merges into the summary of one scan', async () => {
    const whole = await demoScan();
    const shards = await Promise.all([0, 1, 2].map((index) => demoScan({ index, count: 3 })));
    expect(shards.every((s) => s.findings.length > 0)).toBe(true); // each shard holds some accounts: the test can fail
    const merged = summariseParts(
      { started: now, source: 'demo', providers: whole.summary.providers, checks: allChecks, catalog, contract, mutelist: new Mutelist(config.mutelist, now), now, attestations: [] },
      tallyOf(shards.flatMap((s) => s.findings)),
      shards.map((s) => partOf(s.summary)),
    );
    expect(merged.findings).toBe(whole.findings.length);
    expect(comparable(merged)).toEqual(comparable(whole.summary));
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

/**
 * `--shard i/n` over an offline source (the demo, a saved inventory) splits its accounts exactly
 * as a live scan would (src/core/shard.ts), so the shards of an Indexed Job add up to one scan.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../src/core/finding.js';
import { shardOf } from '../../src/core/shard.js';
import type { ScanSummary } from '../../src/core/summary.js';
import { dutyscan } from '../support/cli.js';

type Doc = { scan: ScanSummary; findings: Finding[] };
const dir = mkdtempSync(join(tmpdir(), 'dutyscan-shard-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function scan(args: string[]): Promise<Doc> {
  const run = await dutyscan(['scan', '--format', 'json', ...args]);
  expect(run.stderr).not.toMatch(/internal error/);
  return JSON.parse(run.stdout) as Doc;
}
const accounts = (d: Doc) => d.scan.accounts.map((a) => `${a.provider}/${a.account}`).sort();
const results = (d: Doc) => d.findings.map((f) => `${f.id} ${f.resource.account} ${f.status}`).sort();

describe('--shard with --demo and --inventory', () => {
  let whole: Doc;
  let shards: Doc[];

  beforeAll(async () => {
    whole = await scan(['--demo', '--save-inventory', join(dir, 'demo.jsonl')]);
    shards = [await scan(['--demo', '--shard', '0/2']), await scan(['--demo', '--shard', '1/2'])];
  }, 120_000);

  it('partitions the demo accounts by the stable shard function', () => {
    for (const [i, shard] of shards.entries()) {
      expect(shard.scan.accounts.length).toBeGreaterThan(0);
      for (const a of shard.scan.accounts) expect(shardOf(a.account, 2), a.account).toBe(i);
    }
    expect([...accounts(shards[0]!), ...accounts(shards[1]!)].sort()).toEqual(accounts(whole));
  });

  it('yields, across its shards, exactly the findings of the unsharded scan', () => {
    expect([...results(shards[0]!), ...results(shards[1]!)].sort()).toEqual(results(whole));
  });

  it('applies to a saved inventory the same way', async () => {
    const sharded = await scan(['--inventory', join(dir, 'demo.jsonl'), '--shard', '1/2']);
    expect(accounts(sharded).length).toBeLessThan(accounts(whole).length);
    expect(accounts(sharded)).toEqual(accounts(shards[1]!));
  });
});

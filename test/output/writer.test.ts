import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { setImmediate as nextTurn, setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatter, formatters } from '../../src/output/registry.js';
import { OutputWriter } from '../../src/output/writer.js';
import { expectWhole } from '../support/documents.js';
import { manyFindings, summaryOf } from '../support/findings.js';

const findings = manyFindings(2000);
// A contract the catalog does not know: the contract reports list the summary's clauses, which
// are the ones these findings cite.
const summary = summaryOf(findings, { contract: { id: 'test-contract', title: 'Test contract' } });

/** Deterministic pseudo-random numbers in [0, 1), so that a failure repeats. */
function random(seed: number): () => number {
  let s = seed;
  return () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

describe('OutputWriter: one ordered stream per file, whatever the producers', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dutyscan-writer-'));
  const warnings: Error[] = [];
  const onWarning = (w: Error) => warnings.push(w);
  beforeAll(() => process.on('warning', onWarning));
  afterAll(() => {
    process.off('warning', onWarning);
    rmSync(dir, { recursive: true, force: true });
  });

  it.each([...formatters.keys()])('%s: 2,000 findings from concurrent producers make one whole document', async (id) => {
    warnings.length = 0;
    const file = join(dir, `out.${id}`);
    const writer = OutputWriter.toFile(formatter(id), file);
    await writer.begin();
    const delay = random(11);
    // Nobody waits for anybody: a third write in the same tick, the rest after 1 to 3 ms.
    await Promise.all(findings.map(async (f) => {
      const ms = Math.floor(delay() * 4);
      if (ms > 0) await sleep(ms);
      await writer.write(f);
    }));
    await writer.close(summary);
    expectWhole(id, readFileSync(file, 'utf8'), findings);
    await nextTurn(); // process warnings are emitted on a later tick
    expect(warnings.map((w) => `${w.name}: ${w.message}`)).toEqual([]);
  });

  it('holds concurrent producers back while the stream is full', async () => {
    const highWaterMark = 4096;
    const producers = 50;
    let peak = 0;
    const slow = new Writable({
      highWaterMark,
      write(_chunk, _encoding, done) {
        setImmediate(done);
      },
    });
    const jsonl = formatter('jsonl');
    const writer = new OutputWriter(jsonl, slow);
    await writer.begin();
    const share = findings.slice(0, 1000);
    await Promise.all(Array.from({ length: producers }, async (_, p) => {
      for (let i = p; i < share.length; i += producers) {
        await writer.write(share[i]!);
        peak = Math.max(peak, slow.writableLength);
      }
    }));
    // What is buffered when a producer may go on: each may have put one finding past the mark.
    const largest = Math.max(...share.map((f) => Buffer.byteLength(jsonl.finding!(f, 0))));
    expect(peak).toBeGreaterThan(highWaterMark);
    expect(peak).toBeLessThanOrEqual(highWaterMark + producers * largest);
    await writer.close(summaryOf(share));
  });
});

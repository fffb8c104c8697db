import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../src/core/finding.js';
import type { ScanSummary } from '../../src/core/summary.js';
import { json } from '../../src/output/json.js';
import { OutputWriter } from '../../src/output/writer.js';

describe('OutputWriter: putting the summary in front of a large spooled body', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dutyscan-writer-memory-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('copies the spool through bounded memory, whatever its size', async () => {
    const path = join(dir, 'large.json');
    const writer = OutputWriter.toFile(json, path);
    await writer.begin();
    const padding = 'x'.repeat(2000);
    const count = 20_000; // about 40 MB of body
    for (let i = 0; i < count; i++) await writer.write({ id: String(i), message: padding } as unknown as Finding);

    // External memory (Buffers) sampled while the body is copied behind the header. A read stream
    // piped into the file allocated a fresh 64 KB chunk per read, all alive until a GC: tens of MB.
    const before = process.memoryUsage().arrayBuffers;
    let peak = before;
    const sampler = setInterval(() => { peak = Math.max(peak, process.memoryUsage().arrayBuffers); }, 1);
    try {
      await writer.close({ contract: { id: 'c', title: 'C' } } as unknown as ScanSummary);
    } finally {
      clearInterval(sampler);
    }
    expect((peak - before) / 2 ** 20).toBeLessThan(8);

    const doc = JSON.parse(readFileSync(path, 'utf8')) as { scan: unknown; findings: { id: string }[] };
    expect(doc.findings).toHaveLength(count);
    expect(doc.findings.map((f) => Number(f.id))).toEqual([...Array(count).keys()]);
  });
});

import { execFile } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { Spool, SpoolFullError } from '../../src/sinks/spool.js';
import { manyFindings } from '../support/findings.js';
import { freePort } from './rsyslog.js';
import { FakeReceiver, json, tempDir } from './support.js';

const run = promisify(execFile);
const child = join(import.meta.dirname, 'fixtures', 'spool-child.ts');
// The Node that runs the tests runs the child too (CI runs the suite on each supported Node).
const tsx = (...args: string[]) => run(process.execPath, ['--import', 'tsx', ...args]);

let receiver: FakeReceiver | undefined;
afterEach(async () => {
  await receiver?.stop();
  receiver = undefined;
});

describe('spool', () => {
  it('writes one complete file per batch, bounded in size, and removes it on delivery', () => {
    const spool = new Spool(tempDir('spool'), 's1', 4_000);
    const file = spool.write([{ a: 1 }, { b: 'x'.repeat(100) }]);
    expect(spool.read(file).records).toEqual([{ a: 1 }, { b: 'x'.repeat(100) }]);
    expect(readdirSync(spool.dir)).toEqual([file.split('/').pop()]);
    expect(() => spool.write([{ big: 'y'.repeat(5_000) }])).toThrow(SpoolFullError);
    spool.remove(file);
    expect(spool.list()).toEqual([]);
    expect(spool.size()).toBe(0);
  });

  it('a batch spooled by one process is replayed by another (`sinks flush`): nothing lost', async () => {
    const dir = tempDir('spool');
    const port = await freePort(); // nothing listens yet: the first process cannot deliver
    const configFile = join(dir, 'sinks.json');
    writeFileSync(configFile, JSON.stringify([{
      type: 'webhook', name: 'hook', url: `http://127.0.0.1:${port}/in`, secret: 'k', batchSize: 25,
      retry: { attempts: 2, initialDelayMs: 5, maxDelayMs: 10 }, spool: { dir: join(dir, 'spool') },
    }]));
    const first = JSON.parse((await tsx(child, 'write', configFile, '110')).stdout) as Record<string, { spooled: number; delivered: number }>;
    expect(first['hook']).toMatchObject({ delivered: 0, spooled: 110 });
    const files = readdirSync(join(dir, 'spool', 'hook')).filter((n) => n.endsWith('.batch.json'));
    expect(files).toHaveLength(5);
    // Each file is a whole batch (atomic rename), never a torn write.
    for (const f of files) expect(JSON.parse(readFileSync(join(dir, 'spool', 'hook', f), 'utf8'))).toHaveProperty('version', 1);

    receiver = await new FakeReceiver((_req, res) => json(res, 200, {})).start(port);
    const second = JSON.parse((await tsx(child, 'flush', configFile)).stdout) as Record<string, { replayed: number; backlog: number }>;
    expect(second['hook']).toMatchObject({ replayed: 110, backlog: 0 });
    const ids = receiver.requests.flatMap((r) => (JSON.parse(r.body) as { findings: { id: string }[] }).findings.map((f) => f.id));
    expect(ids.sort()).toEqual(manyFindings(110).map((f) => f.id).sort());
    expect(readdirSync(join(dir, 'spool', 'hook')).filter((n) => n.endsWith('.batch.json'))).toHaveLength(0);
  }, 60_000);
});

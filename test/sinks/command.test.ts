import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import { Spool } from '../../src/sinks/spool.js';
import { FakeReceiver, json, tempDir } from './support.js';

let receiver: FakeReceiver | undefined;
afterEach(async () => {
  vi.restoreAllMocks();
  await receiver?.stop();
});

describe('dutyscan sinks status / flush', () => {
  it('reports the backlog from the config file and replays it', async () => {
    receiver = await new FakeReceiver((_req, res) => json(res, 200, {})).start();
    const dir = tempDir('sinks-cmd');
    const spoolDir = join(dir, 'spool');
    const configFile = join(dir, 'dutyscan.yaml');
    writeFileSync(configFile, [
      'sinks:',
      '  - type: webhook',
      '    name: soc',
      `    url: ${receiver.url}/in`,
      '    secret: { env: DUTYSCAN_TEST_WEBHOOK_SECRET }',
      `    spool: { dir: ${spoolDir} }`,
      '',
    ].join('\n'));
    process.env['DUTYSCAN_TEST_WEBHOOK_SECRET'] = 'k';
    const spool = new Spool(spoolDir, 'soc', 1_000_000);
    spool.write([{ id: 'a' }, { id: 'b' }]);
    spool.write([{ id: 'c' }]);
    const out: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((s) => { out.push(String(s)); return true; });
    expect(await main(['node', 'dutyscan', 'sinks', 'status', '-c', configFile])).toBe(4);
    expect(out.join('')).toContain('soc (webhook): 3 findings in 2 batches');
    out.length = 0;
    expect(await main(['node', 'dutyscan', 'sinks', 'flush', '-c', configFile])).toBe(0);
    expect(out.join('')).toContain('soc: replayed 3, still spooled 0');
    const ids = receiver.requests.flatMap((r) => (JSON.parse(r.body) as { findings: { id: string }[] }).findings.map((f) => f.id));
    expect(ids.sort()).toEqual(['a', 'b', 'c']);
  });
});

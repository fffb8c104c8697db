import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../sinks/support.js';

const root = join(import.meta.dirname, '..', '..');

/** Running, and not a zombie waiting for its new parent to reap it. */
function alive(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

async function survivors(pids: number[]): Promise<number[]> {
  const deadline = Date.now() + 5_000;
  while (pids.some(alive) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  return pids.filter(alive);
}

describe('no process a test starts outlives it (test/support/processes.ts)', () => {
  it('a file that leaves processes running fails and they are killed; so are those of a worker that died', async () => {
    const dir = tempDir('leaky');
    const run = await promisify(execFile)(
      process.execPath,
      [join(root, 'node_modules', 'vitest', 'vitest.mjs'), 'run', '--config', join(root, 'test', 'support', 'fixtures', 'processes.vitest.config.ts')],
      { cwd: root, env: { ...process.env, LEAKY_PIDS: dir, NO_COLOR: '1' } },
    ).then(() => ({ code: 0, output: '' }), (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, output: e.stdout + e.stderr }));
    const pids = (name: string) => readFileSync(join(dir, name), 'utf8').split('\n').filter(Boolean).map(Number);
    const forgotten = pids('forgets'); // a child with an environment of its own, and an orphaned grandchild
    const orphaned = pids('dies');

    expect(run.code).toBe(1);
    expect(forgotten).toHaveLength(2);
    expect(orphaned).toHaveLength(1);
    expect(run.output).toMatch(/FAIL .*forgets\.leaky\.ts[\s\S]*this test file left 2 process\(es\) running/);
    expect(run.output).toContain(`LEFTOVER PROCESSES: 1 process(es) started by the tests were still running after the run (now killed):\n  pid ${orphaned[0]}: sleep 300`);
    expect(await survivors([...forgotten, ...orphaned])).toEqual([]);
  }, 60_000);
});

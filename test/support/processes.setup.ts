/**
 * The per-worker part of processes.ts (a vitest setup file): marks every process this worker
 * spawns, fails a test file that leaves one running, and kills them if the worker is stopped first.
 */
import { ChildProcess } from 'node:child_process';
import { afterAll } from 'vitest';
import { describeProcesses, killAll, MARK, markedProcesses, RUN, stillRunning } from './processes.js';

const run = process.env[RUN];
const mine = `${run}:${process.pid}`;
const isMine = (mark: string): boolean => mark === mine;

// Every way to start a process (spawn, execFile, exec, fork, and libraries such as Playwright's
// launcher) ends in ChildProcess#spawn with the child's environment as `envPairs`, explicit `env`
// included, so the mark is added there once instead of in every test.
interface SpawnInternals {
  spawn(options: { envPairs?: unknown }): unknown;
}
const installed = Symbol.for('dutyscan.test.processes');
const registry = globalThis as { [installed]?: true };

if (run && !registry[installed]) {
  registry[installed] = true;
  const proto = ChildProcess.prototype as unknown as SpawnInternals;
  const spawn = proto.spawn;
  proto.spawn = function (this: ChildProcess, options) {
    if (!Array.isArray(options.envPairs)) {
      throw new Error('test/support/processes.setup.ts: ChildProcess#spawn no longer receives envPairs on this Node; the process mark needs updating');
    }
    // One mark only, this worker's: a test that runs vitest itself hands its own mark down too.
    const pairs = options.envPairs.filter((pair) => typeof pair !== 'string' || !pair.startsWith(`${MARK}=`));
    options.envPairs = [...pairs, `${MARK}=${mine}`];
    return spawn.call(this, options);
  };
  process.once('exit', () => killAll(markedProcesses(isMine)));
  // vitest stops a worker with SIGTERM: stop what it started, then die of the signal as before.
  process.once('SIGTERM', () => {
    killAll(markedProcesses(isMine));
    process.kill(process.pid, 'SIGTERM');
  });
}

// Registered before the test file's own hooks, so it runs after them (vitest runs after-hooks as a stack).
afterAll(async () => {
  if (!run) return;
  const left = await stillRunning(isMine, 5_000);
  if (left.length === 0) return;
  killAll(left);
  throw new Error(`this test file left ${left.length} process(es) running (now killed); stop them in afterAll/afterEach, also when a test fails:\n${describeProcesses(left)}`);
});

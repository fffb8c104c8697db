/**
 * No process a test starts outlives it (rsyslogd, PostgreSQL, Chromium, the CLI, fakes).
 *
 * Each test worker marks every process it spawns with an environment variable that the process
 * hands on to its own children (postgres under runuser, Chromium's helpers), so a leftover is
 * found by its mark in /proc whoever its parent is now, and processes of another test run on the
 * same machine are never touched. Three nets, from the finest:
 * - after each test file, what that file's worker started and still runs is killed and the file
 *   fails (processes.setup.ts);
 * - when a worker is stopped before that (bail, interrupt), it kills what it started;
 * - after the run, this global teardown kills and reports anything of the run still alive.
 *
 * The synchronous calls (execFileSync, spawnSync) are not marked: they return only when their
 * process has ended.
 *
 * This file is vitest's globalSetup; processes.setup.ts is the per-worker part.
 */
import { readdirSync, readFileSync } from 'node:fs';

/** `<run id>:<worker pid>`, in the environment of every process a test worker spawned. */
export const MARK = 'DUTYSCAN_TEST_SPAWNED_BY';
/** The run's id, set by the global setup and inherited by the workers. */
export const RUN = 'DUTYSCAN_TEST_RUN';

export interface TestProcess {
  readonly pid: number;
  readonly command: string;
}

/** Live processes whose mark satisfies `matches` (zombies have an empty environment and do not count). */
export function markedProcesses(matches: (mark: string) => boolean): TestProcess[] {
  let entries: string[];
  try {
    entries = readdirSync('/proc').filter((e) => /^\d+$/.test(e));
  } catch {
    return []; // no procfs: the test servers are Debian packages, so the suite runs on Linux
  }
  const found: TestProcess[] = [];
  for (const entry of entries) {
    try {
      const mark = readFileSync(`/proc/${entry}/environ`, 'latin1').split('\0').find((v) => v.startsWith(`${MARK}=`));
      if (!mark || !matches(mark.slice(MARK.length + 1))) continue;
      const command = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0').join(' ').trim();
      found.push({ pid: Number(entry), command });
    } catch {
      // gone meanwhile, or not ours to read
    }
  }
  return found;
}

export function killAll(processes: readonly TestProcess[]): void {
  for (const { pid } of processes) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}

/** Those still marked after up to `graceMs` (a process told to stop may take a moment to go). */
export async function stillRunning(matches: (mark: string) => boolean, graceMs: number): Promise<TestProcess[]> {
  const deadline = Date.now() + graceMs;
  for (;;) {
    const left = markedProcesses(matches);
    if (left.length === 0 || Date.now() >= deadline) return left;
    await new Promise((r) => setTimeout(r, 100));
  }
}

export const describeProcesses = (processes: readonly TestProcess[]): string =>
  processes.map((p) => `  pid ${p.pid}: ${p.command.slice(0, 300)}`).join('\n');

export function setup(): void {
  process.env[RUN] = `${process.pid}.${Date.now()}`;
  // CI runs the suite once per Node major and names it here, so a wrong PATH cannot pass silently.
  const expected = process.env['DUTYSCAN_TEST_NODE'];
  const actual = process.versions.node.split('.')[0];
  if (expected && expected !== actual) throw new Error(`DUTYSCAN_TEST_NODE=${expected} but the tests run on Node ${process.versions.node} (${process.execPath})`);
}

export async function teardown(): Promise<void> {
  const run = process.env[RUN];
  if (!run) return;
  const left = await stillRunning((mark) => mark.startsWith(`${run}:`), 5_000);
  if (left.length === 0) return;
  killAll(left);
  // vitest reports an error thrown here but still exits 0, so the exit code is set by hand.
  console.error(`\nLEFTOVER PROCESSES: ${left.length} process(es) started by the tests were still running after the run (now killed):\n${describeProcesses(left)}\n`);
  process.exitCode = 1;
}

import { execFile } from 'node:child_process';
import { join } from 'node:path';

export const bin = join(import.meta.dirname, '../../bin/dutyscan.js');

export interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * The built CLI as a user runs it: its own process, its exit code, its two streams. A run still
 * going after `timeoutMs` (a command that should have refused to start) is killed and reads as
 * code -1, so a test fails instead of hanging. `inheritEnv: false` runs it with `env` alone (no
 * credentials of the machine's own leak into a scan of a fake).
 */
export function dutyscan(args: readonly string[], options: { env?: Record<string, string>; inheritEnv?: boolean; cwd?: string; timeoutMs?: number } = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [bin, ...args],
      { env: options.inheritEnv === false ? options.env : { ...process.env, ...options.env }, cwd: options.cwd, timeout: options.timeoutMs ?? 60_000, maxBuffer: 256 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

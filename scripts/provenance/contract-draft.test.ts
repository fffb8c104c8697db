import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sharedPath } from './shared.js';

const root = join(import.meta.dirname, '..', '..');

describe('provenance: contract draft on the seed agreement', () => {
  it('reproduces the hand-written cn-cloud-security-2026 profile and invents nothing (scripts/provenance/contract-draft.ts)', () => {
    let output: string;
    try {
      output = execFileSync(process.execPath, ['--import', 'tsx', join(root, 'scripts/provenance/contract-draft.ts'), sharedPath('seeds')], { cwd: root, encoding: 'utf8' });
    } catch (e) {
      output = String((e as { stdout?: string }).stdout ?? e);
    }
    expect(output.split('\n').filter((l) => l.startsWith('FAIL '))).toEqual([]);
    expect(output).toMatch(/^\d+ passed, 0 failed$/m);
  });
});

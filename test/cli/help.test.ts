import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { EXIT } from '../../src/cli/exit.js';
import { formatters } from '../../src/output/registry.js';

const bin = join(import.meta.dirname, '../../bin/dutyscan.js');
const help = async (args: string[]) => (await promisify(execFile)(process.execPath, [bin, ...args])).stdout;

describe.each([[['--help']], [['scan', '--help']]])('dutyscan %j', (args) => {
  it('lists every output format by name, three examples and every exit code', async () => {
    const text = await help(args);
    const formats = /Output formats[^\n]*\n((?: {2}.*\n)+)/.exec(text)?.[1]?.split(/[\s,]+/).filter(Boolean);
    expect(formats).toEqual([...formatters.keys()]);
    expect(text.match(/^ {2}dutyscan scan .*$/gm)).toHaveLength(3);
    const codes = [...text.matchAll(/^ {2}(\d) {2}\S/gm)].map((m) => Number(m[1])).sort();
    // Every code a scan can end with (EVIDENCE_INVALID belongs to `evidence verify`).
    const { EVIDENCE_INVALID: _, ...scanCodes } = EXIT;
    expect(codes).toEqual(Object.values(scanCodes).sort());
  });
});

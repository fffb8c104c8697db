/**
 * The catalogue commands as a person reads them: a header and columns, counts in words that
 * agree with the number, describe as text by default, and obligations that say how they are
 * verified by this build. Run as the built CLI, the way a user does.
 */
import { execFile, spawn } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const bin = join(import.meta.dirname, '../../bin/dutyscan.js');
const run = async (args: string[]) => {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [bin, ...args]);
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
};

describe('dutyscan checks list', () => {
  it('prints a header, one aligned row per check with its CIS requirements, and a count in words', async () => {
    const r = await run(['checks', 'list', '--provider', 'aws', '--duty', 'mfa']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^ID\s+PROVIDER\s+SERVICE\s+DUTY\s+SEVERITY\s+CIS\s+TITLE$/);
    const rows = lines.slice(1, lines.indexOf(''));
    const json = JSON.parse((await run(['checks', 'list', '--provider', 'aws', '--duty', 'mfa', '--format', 'json'])).stdout) as { id: string; cis: string }[];
    expect(rows).toHaveLength(json.length);
    expect(lines.at(-1)).toBe(`${json.length} checks`);
    // Columns line up: every row has its provider where the header has PROVIDER.
    const at = lines[0]!.indexOf('PROVIDER');
    for (const row of rows) expect(row.slice(at, at + 3)).toBe('aws');
    const root = json.find((c) => c.id === 'aws-iam-root-mfa-enabled');
    expect(root?.cis).toMatch(/v5\.0:1\.\d+/);
    expect(rows.find((row) => row.startsWith('aws-iam-root-mfa-enabled '))).toContain(root!.cis);
  });

  it('says "1 check" for one', async () => {
    const r = await run(['checks', 'list', '--provider', 'gcp', '--duty', 'tagging']);
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe('1 check');
  });

  it('refuses an unknown format with exit 2, naming the choices', async () => {
    const r = await run(['checks', 'list', '--format', 'xml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('expected one of: text, json');
  });

  it('stops quietly when the reader of its output goes away (| head)', async () => {
    const child = spawn(process.execPath, [bin, 'checks', 'list'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).not.toMatch(/EPIPE|Unhandled|at /);
    expect(code).toBe(0);
  });
});

describe('dutyscan checks describe', () => {
  it('is readable text by default and JSON with --format json', async () => {
    const text = await run(['checks', 'describe', 'aws-s3-bucket-public-access-blocked']);
    expect(text.code).toBe(0);
    expect(() => JSON.parse(text.stdout) as unknown).toThrow();
    expect(text.stdout).toMatch(/^aws-s3-bucket-public-access-blocked\n {2}\S/);
    for (const heading of ['Why', 'Remediation', 'Obligations (contract iaas-customer-duties)', 'Frameworks']) expect(text.stdout).toContain(`\n${heading}\n`);
    expect(text.stdout).toMatch(/network\.exposure .*\[clauses S5\]/);
    expect(text.stdout).toMatch(/cis-aws-5\.0: 2\.1\.4/);
    const json = JSON.parse((await run(['checks', 'describe', 'aws-s3-bucket-public-access-blocked', '--format', 'json'])).stdout) as { id: string; obligations: { id: string }[] };
    expect(json.id).toBe('aws-s3-bucket-public-access-blocked');
    expect(json.obligations.map((o) => o.id)).toContain('network.exposure');
  });
});

describe('dutyscan obligations list', () => {
  it('never calls an obligation with no checks "partial": it is verified by attestation alone', async () => {
    const json = JSON.parse((await run(['obligations', 'list', '--json'])).stdout) as { obligations: { id: string; verification: string; verified: string; checks: string[] }[] };
    const unchecked = json.obligations.filter((o) => o.checks.length === 0);
    expect(unchecked.length).toBeGreaterThan(0);
    for (const o of unchecked) expect(o.verified, o.id).toBe('manual');
    const text = (await run(['obligations', 'list'])).stdout;
    expect(text).toMatch(/^OBLIGATION\s+VERIFIED\s+CHECKS\s+CLAUSES\s+TITLE$/m);
    for (const o of unchecked) expect(text).toMatch(new RegExp(`^${o.id.replace('.', '\\.')}\\s+manual\\s+0\\s`, 'm'));
    expect(text).toMatch(/^18 obligations;/m);
  });
});

/**
 * What a program reading only the exit code learns: 0 clean, 3 failing, 4 incomplete, 5 failing
 * and incomplete. Each case first proves its premise from the JSON summary, so a change in the
 * demo cannot make the test pass for the wrong reason.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../src/core/finding.js';
import type { ScanSummary } from '../../src/core/summary.js';
import { dutyscan } from '../support/cli.js';

type Doc = { scan: ScanSummary; findings: Finding[] };

async function scan(args: string[]) {
  const run = await dutyscan(['scan', '--demo', '--format', 'json', ...args]);
  return { code: run.code, doc: JSON.parse(run.stdout) as Doc };
}

const failing = (doc: Doc, floor: readonly string[]) => doc.findings.some((f) => f.status === 'FAIL' && !f.muted && floor.includes(f.severity));
const ALL = ['critical', 'high', 'medium', 'low'];

describe('dutyscan scan exit codes', () => {
  it('5 when duties fail and the scan is incomplete (the demo: denied facts are ERRORs)', async () => {
    const { code, doc } = await scan([]);
    expect(failing(doc, ALL)).toBe(true);
    expect(doc.scan.counts.byStatus.ERROR).toBeGreaterThan(0);
    expect(doc.scan.complete).toBe(false);
    expect(code).toBe(5);
  });

  it('3 when duties fail and every result was evaluated', async () => {
    const { code, doc } = await scan(['--checks', 'aws-iam-root-mfa-enabled']);
    expect(failing(doc, ALL)).toBe(true);
    expect(doc.scan.counts.byStatus.ERROR).toBe(0);
    expect(doc.scan.complete).toBe(true);
    expect(code).toBe(3);
  });

  it('4 when nothing fails at or above --fail-on but ERRORs leave the picture incomplete', async () => {
    const { code, doc } = await scan(['--checks', 'azure-keyvault-vault-items-expire', '--fail-on', 'high']);
    expect(failing(doc, ['critical', 'high'])).toBe(false);
    expect(doc.scan.counts.byStatus.ERROR).toBeGreaterThan(0);
    expect(code).toBe(4);
  });

  it('0 when nothing fails and every result was evaluated', async () => {
    const { code, doc } = await scan(['--checks', 'azure-monitor-subscription-activity-log-exported']);
    expect(doc.scan.counts.byStatus.PASS).toBeGreaterThan(0);
    expect(doc.scan.complete).toBe(true);
    expect(code).toBe(0);
  });
});

describe('a user mistake exits 2 with a clear message before any output, never "internal error"', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dutyscan-usage-'));
  const aFile = join(dir, 'a-file');
  writeFileSync(aFile, 'x');
  const scanDoc = join(dir, 'scan.json');
  writeFileSync(scanDoc, JSON.stringify({ scan: { contract: { id: 'iaas-customer-duties', title: 'x' }, counts: {} }, findings: [] }));
  const store = ['--store', `sqlite:${join(dir, 'history.db')}`, '--port', '0'];
  const token = { DUTYSCAN_API_TOKEN: 'a-token-long-enough-0123456789' };
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const cases: [string, string[], Record<string, string>, RegExp][] = [
    ['an unknown format, listing the valid ones', ['scan', '--demo', '--format', 'pdf'], {}, /unknown format "pdf".*expected one of: json, jsonl, table, csv/],
    ['a shard index past its count', ['scan', '--demo', '--shard', '3/2'], {}, /--shard takes i\/n/],
    ['an unknown log level (scan)', ['scan', '--demo', '--log-level', 'loud'], {}, /unknown log level "loud".*expected one of: .*debug/],
    ['an unknown log level (serve)', ['serve', '--demo', ...store, '--log-level', 'loud'], token, /unknown log level "loud"/],
    ['an output directory that is a file', ['scan', '--demo', '--format', 'json', '--output-dir', aFile], {}, /--output-dir .*a-file/],
    ['an output directory under a file', ['scan', '--demo', '--format', 'json', '--output-dir', join(aFile, 'out')], {}, /--output-dir .*a-file\/out/],
    ['an inventory file in a missing directory', ['scan', '--demo', '--save-inventory', join(dir, 'missing/inv.jsonl')], {}, /--save-inventory .*missing/],
    ['a report output in a missing directory', ['report', '--scan', scanDoc, '--format', 'json', '--output', join(dir, 'missing/r.json')], {}, /--output .*missing/],
    ['an API token shorter than 16 characters', ['serve', '--demo', ...store], { DUTYSCAN_API_TOKEN: 'short' }, /DUTYSCAN_API_TOKEN.*at least 16 characters/],
    ['a PostgreSQL store without a URL', ['serve', '--demo', '--store', 'postgres', '--port', '0'], { ...token, DUTYSCAN_DATABASE_URL: '' }, /DUTYSCAN_DATABASE_URL/],
    ['a SQLite store that is a directory', ['serve', '--demo', '--store', `sqlite:${dir}`, '--port', '0'], token, /cannot open the SQLite history store/],
    ['AWS collection flags with the demo, which collects nothing', ['scan', '--demo', '--regions', 'eu-west-1'], {}, /--regions.*--demo and --inventory collect nothing/],
    ['a host that does not resolve', ['serve', '--demo', ...store, '--host', 'no-such-host.invalid'], token, /cannot listen on no-such-host\.invalid/],
  ];

  it.each(cases)('%s', async (_, args, env, message) => {
    const run = await dutyscan(args, { env, timeoutMs: 20_000 });
    expect(run.stderr).not.toMatch(/internal error|Unhandled|\n\s+at /);
    expect(run.stderr).toMatch(message);
    expect(run.stdout).toBe('');
    expect(run.code).toBe(2);
  });
});

describe('config mistakes found after parsing name the file, line and key, like schema errors', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dutyscan-config-lines-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const config = (name: string, lines: string[]) => {
    const file = join(dir, name);
    writeFileSync(file, `${lines.join('\n')}\n`);
    return file;
  };

  const cases: [string, string[], (file: string) => string][] = [
    [
      'an unknown check id',
      ['# tuned for production', 'checks:', '  aws-iam-root-mfa-enable:', '    severity: high'],
      (file) => `${file}:3: checks.aws-iam-root-mfa-enable: unknown check "aws-iam-root-mfa-enable" (did you mean "aws-iam-root-mfa-enabled"?)`,
    ],
    [
      'an unknown check parameter',
      ['checks:', '  aws-iam-user-access-keys-rotated:', '    params:', '      maxKeyAge: 60'],
      (file) => `${file}:4: checks.aws-iam-user-access-keys-rotated.params.maxKeyAge: unknown parameter; aws-iam-user-access-keys-rotated takes: maxKeyAgeDays`,
    ],
    [
      'a check parameter of the wrong kind',
      ['checks:', '  aws-iam-user-access-keys-rotated:', '    params:', '      maxKeyAgeDays: "60"'],
      (file) => `${file}:4: checks.aws-iam-user-access-keys-rotated.params.maxKeyAgeDays: expected number`,
    ],
    [
      'an unknown contract, named by its config key',
      ['outputs:', '  failOn: high', 'contract: iaas-customer-dutie'],
      (file) => `${file}:3: contract: no contract profile "iaas-customer-dutie"`,
    ],
    [
      'an unknown output format',
      ['outputs:', '  formats:', '    - json', '    - pdf', '  dir: reports'],
      (file) => `${file}:4: outputs.formats[1]: unknown format "pdf"; expected one of: json, jsonl, table`,
    ],
  ];

  it.each(cases)('%s', async (name, lines, message) => {
    const file = config(`${name.replace(/\W+/g, '-')}.yaml`, lines);
    for (const args of [['scan', '--demo', '--config', file], ['validate-config', file]]) {
      const run = await dutyscan(args, { cwd: dir });
      expect(run.stderr, args[0]).toContain(message(file));
      expect(run.stderr, args[0]).not.toContain('--contract');
      expect(run.stdout, args[0]).toBe('');
      expect(run.code, args[0]).toBe(2);
    }
  });
});

import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../src/core/finding.js';

/**
 * The table as a user sees it: the built CLI under a pseudo-terminal (util-linux `script`) of a
 * given size, its screen text compared with the JSON document of the same scan.
 */
const bin = join(import.meta.dirname, '../../bin/dutyscan.js');
const ESCAPES = /\u001b\[[0-9;?]*[A-Za-z]/g;
/** A group's first line: status, severity, check, count. */
const HEAD = /^FAIL +(critical|high|medium|low|info) +\S+ +\d+$/m;

interface Run { readonly code: number; readonly out: string }

async function run(file: string, args: readonly string[], env: Record<string, string | undefined>): Promise<Run> {
  const merged = { ...process.env, ...env };
  for (const [k, v] of Object.entries(env)) if (v === undefined) delete merged[k];
  try {
    const { stdout } = await promisify(execFile)(file, [...args], { env: merged, maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, out: stdout };
  } catch (e) {
    const err = e as { code: number; stdout: string };
    return { code: err.code, out: err.stdout };
  }
}

const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/** The CLI with stdout (and stderr) on a terminal of `columns` x 40. */
const inTerminal = (args: readonly string[], columns = 120, env: Record<string, string | undefined> = {}) =>
  run('script', ['-qec', `stty cols ${columns} rows 40; ${[process.execPath, bin, ...args].map(quote).join(' ')}`, '/dev/null'], { NO_COLOR: undefined, FORCE_COLOR: undefined, COLUMNS: undefined, ...env });

/** The CLI with stdout on a pipe. */
const piped = (args: readonly string[], env: Record<string, string | undefined> = {}) =>
  run(process.execPath, [bin, ...args], { NO_COLOR: undefined, FORCE_COLOR: undefined, COLUMNS: undefined, ...env });

/** What the terminal shows: escapes gone, a carriage return starts the line again. */
const screen = (out: string) => out.replace(ESCAPES, '').split('\n').map((l) => l.replace(/\r$/, '').split('\r').at(-1)!);

describe('the table on a 120-column terminal (scan --demo)', () => {
  let findings: Finding[];
  let table: Run;
  let lines: string[];

  beforeAll(async () => {
    findings = (JSON.parse((await piped(['scan', '--demo', '--format', 'json'])).out) as { findings: Finding[] }).findings;
    table = await inTerminal(['scan', '--demo']);
    lines = screen(table.out);
  });

  it('wraps no row: every line fits in 120 columns', () => {
    expect(table.code).toBe(5); // failing, and the demo's denied calls leave it incomplete
    const over = lines.filter((l) => [...l].length > 120);
    expect(over).toEqual([]);
  });

  it('groups failing results by check, each with its count and its first three resources', () => {
    const failing = findings.filter((f) => f.status === 'FAIL');
    const byCheck = new Map<string, number>();
    for (const f of failing) byCheck.set(f.check.id, (byCheck.get(f.check.id) ?? 0) + 1);
    const heads = lines.filter((l) => HEAD.test(l));
    expect(heads).toHaveLength(byCheck.size);
    for (const [check, n] of byCheck) {
      const at = lines.findIndex((l) => new RegExp(`^FAIL +\\w+ +${check} +${n}$`).test(l));
      expect(at, check).toBeGreaterThan(-1);
      const under = lines.slice(at + 1, at + 1 + Math.min(n, 3));
      expect(under.every((l) => l.startsWith('    ') && !l.startsWith('    …')), check).toBe(true);
      if (n > 3) expect(lines[at + 4]).toBe(`    … and ${n - 3} more (--details for all)`);
    }
  });

  it('keeps ids and operation names whole, and the Azure region', () => {
    const text = lines.join('\n');
    expect(text).toContain('s3:GetBucketPolicyStatus');
    expect(text).toContain('Microsoft.KeyVault/vaults/secrets/read');
    expect(text).toMatch(/^ {4}00000000-0000-0000-0000-0000000000a1\/westeurope +\S/m);
    // Long names give way in the middle, never at an id.
    for (const f of findings.filter((x) => x.status === 'FAIL' && x.resource.provider === 'azure')) expect(text).toContain(`${f.resource.account}/${f.resource.region}`.replace('/global', ''));
  });

  it('--details lists every failing resource under its check', async () => {
    const detailed = screen((await inTerminal(['scan', '--demo', '--details'])).out);
    expect(detailed.filter((l) => [...l].length > 120)).toEqual([]);
    expect(detailed.some((l) => l.includes('more (--details for all)'))).toBe(false);
    const heads = detailed.filter((l) => HEAD.test(l)).length;
    const start = detailed.findIndex((l) => l.startsWith('STATUS'));
    const end = detailed.findIndex((l) => l.startsWith('Not evaluable'));
    expect(detailed.slice(start + 1, end).filter((l) => l.startsWith('    ')).length).toBe(findings.filter((f) => f.status === 'FAIL').length);
    expect(heads).toBeGreaterThan(0);
  });

  it('narrower terminals shorten names in the middle, not ids', async () => {
    const narrow = screen((await inTerminal(['scan', '--demo'], 90)).out);
    expect(narrow.filter((l) => [...l].length > 90)).toEqual([]);
    expect(narrow.join('\n')).toContain('00000000-0000-0000-0000-0000000000a1/westeurope');
  });

  it('--quiet prints the summary only, and the exit code still says failing', async () => {
    const quiet = await inTerminal(['scan', '--demo', '--quiet']);
    expect(quiet.code).toBe(5);
    const text = screen(quiet.out).join('\n');
    expect(text).not.toMatch(HEAD);
    expect(text).not.toMatch(/^STATUS|^Not evaluable/m);
    // Exactly the summary the full table ends with (the duration aside).
    const timeless = (t: string) => t.replace(/in [\d.]+ s,/, 'in _ s,').trim();
    const full = lines.join('\n');
    expect(timeless(text)).toBe(timeless(full.slice(full.indexOf('dutyscan 0.1.0: demo scan'))));
  });

  it('colours status and severity on a terminal only; NO_COLOR and FORCE_COLOR are honoured', async () => {
    expect(table.out).toMatch(/\u001b\[31mFAIL/);
    expect(table.out).toMatch(/\u001b\[35mcritical/);
    expect((await inTerminal(['scan', '--demo', '--quiet'], 120, { NO_COLOR: '1' })).out).not.toMatch(/\u001b\[\d+m/);
    const pipe = await piped(['scan', '--demo']);
    expect(pipe.out).not.toMatch(ESCAPES);
    // Not a terminal and no COLUMNS: nothing is shortened.
    expect(pipe.out).toMatch(/etl-loader@acme-analytics-prod\.iam\.gserviceaccount\.com/);
    expect((await piped(['scan', '--demo', '--quiet'], { FORCE_COLOR: '1' })).out).toMatch(/\u001b\[31mFAIL/);
    const columns = screen((await piped(['scan', '--demo'], { COLUMNS: '100' })).out);
    expect(columns.filter((l) => [...l].length > 100)).toEqual([]);
  });
});

describe('no credentials: said once at the top, one row for one cause', () => {
  const home = mkdtempSync(join(tmpdir(), 'dutyscan-nocreds-'));
  // No key, no profile, no instance metadata; every endpoint a closed local port.
  const env = {
    AWS_ACCESS_KEY_ID: '', AWS_SECRET_ACCESS_KEY: undefined, AWS_SESSION_TOKEN: undefined, AWS_PROFILE: 'nonexistent',
    AWS_CONFIG_FILE: join(home, 'config'), AWS_SHARED_CREDENTIALS_FILE: join(home, 'credentials'), HOME: home,
    AWS_EC2_METADATA_DISABLED: 'true', AWS_ENDPOINT_URL: 'http://127.0.0.1:9', AWS_REGION: 'eu-west-1',
    // The SDK's Node-version notice would otherwise share the terminal with stdout.
    NODE_NO_WARNINGS: '1',
  };
  let table: string[];
  let findings: Finding[];

  afterAll(() => rmSync(home, { recursive: true, force: true }));

  beforeAll(async () => {
    table = screen((await inTerminal(['scan', '-p', 'aws', '--no-progress'], 120, env)).out).filter((l) => l.trim() !== '');
    findings = (JSON.parse((await piped(['scan', '-p', 'aws', '--format', 'json'], env)).out) as { findings: Finding[] }).findings;
  });

  it('opens with one line naming the missing credentials and where to read about them', () => {
    expect(table[0]).toBe('no AWS credentials found: Could not load credentials from any providers; see README, Providers');
  });

  it('collapses the results of one cause into one row with their count; the JSON keeps every result', () => {
    const errors = findings.filter((f) => f.status === 'ERROR');
    expect(errors.length).toBeGreaterThan(10);
    expect(errors.length).toBe(findings.length);
    expect(table.filter((l) => /^ERROR\s/.test(l))).toEqual([`ERROR   AUTH_FAILED  sts:GetCallerIdentity  ${errors.length} results in ${errors.length} checks`]);
    expect(table).toContain(`    … and ${errors.length - 3} more (--details for all)`);
    expect(table.filter((l) => [...l].length > 120)).toEqual([]);
  });
});

describe('never silent: the progress line says what discovery waits for, and its clock moves', () => {
  // An endpoint that accepts connections and never answers: a hanging STS.
  const held: Socket[] = [];
  let server: Server;
  let out: string;

  beforeAll(async () => {
    server = createServer((socket) => held.push(socket));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    // `timeout` interrupts the scan as a user's Ctrl-C would, well before the 30 s call timeout.
    const result = await run('script', ['-qec', `stty cols 120 rows 40; timeout -s INT 8 ${quote(process.execPath)} ${quote(bin)} scan -p aws`, '/dev/null'], {
      AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE', AWS_SECRET_ACCESS_KEY: 'example', AWS_SESSION_TOKEN: undefined, AWS_PROFILE: undefined,
      AWS_ENDPOINT_URL: `http://127.0.0.1:${port}`, AWS_REGION: 'eu-west-1', AWS_EC2_METADATA_DISABLED: 'true', NODE_NO_WARNINGS: '1',
    });
    out = result.out.replace(ESCAPES, '');
  }, 30_000);

  afterAll(async () => {
    for (const socket of held) socket.destroy();
    await new Promise((resolve) => server.close(resolve));
  });

  it('names the provider and the call it waits on, redrawing every second while that call hangs', () => {
    const drawn = out.split('\r').map((l) => l.trim()).filter(Boolean);
    expect(drawn[0]).toMatch(/^aws: discovering accounts · 0 API calls · 0 s$/);
    const waiting = drawn.filter((l) => l.startsWith('aws: checking credentials (sts:GetCallerIdentity) · '));
    const seconds = new Set(waiting.map((l) => /· (\d+) s$/.exec(l)?.[1]));
    expect(seconds.size, drawn.join('\n')).toBeGreaterThanOrEqual(2);
    for (const l of drawn.filter((x) => x.startsWith('aws: '))) expect([...l].length).toBeLessThan(120);
  });
});

/**
 * `dutyscan serve` as the container runs it: the built program (bin/dutyscan.js -> dist/), as an
 * unprivileged user that can write nothing but its data directory (the image's read-only root
 * with a writable /var/lib/dutyscan), probed with the Dockerfile's own HEALTHCHECK command, and
 * stopped with SIGTERM.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { chownSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScanSummary } from '../../src/core/summary.js';
import { openSqliteStore } from '../../src/store/sqlite.js';
import { startRsyslog, type Rsyslog } from '../sinks/rsyslog.js';
import { dutyscan } from '../support/cli.js';

const root = join(import.meta.dirname, '../..');
const bin = join(root, 'bin/dutyscan.js');
const TOKEN = 'process-test-token-0123456789';
const asRoot = process.getuid?.() === 0;
const nobody = { uid: 65534, gid: 65534 };

const dir = mkdtempSync(join(tmpdir(), 'dutyscan-serve-'));
if (asRoot) chownSync(dir, nobody.uid, nobody.gid);
const config = join(dir, 'dutyscan.yaml');
writeFileSync(config, [
  'service:',
  '  schedules:',
  '    - name: yearly-full',
  '      cron: "0 0 1 1 *"',
  '      scope: { providers: [aws, azure, gcp] }',
  `  store: { kind: sqlite, path: ${join(dir, 'data/history.db')} }`,
  '  api: { tokenEnv: TEST_DUTYSCAN_TOKEN }',
  '  shutdownGraceSeconds: 5',
  '',
].join('\n'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Server {
  child: ChildProcess;
  port: number;
  stderr: () => string;
  exited: Promise<number | null>;
}

function serve(args: string[], env: Record<string, string> = { TEST_DUTYSCAN_TOKEN: TOKEN }, configFile = config): Promise<Server> {
  const child = spawn(process.execPath, [bin, 'serve', '--config', configFile, ...args], {
    env: { PATH: process.env.PATH ?? '', ...env },
    cwd: dir,
    stdio: ['ignore', 'ignore', 'pipe'],
    ...(asRoot ? nobody : {}),
  });
  let stderr = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    child.stderr!.on('data', (d: Buffer) => {
      stderr += d.toString();
      const m = /"address":\{"address":"[^"]+","family":"IPv[46]","port":(\d+)\}/.exec(stderr);
      if (m) resolve({ child, port: Number(m[1]), stderr: () => stderr, exited });
    });
    void exited.then((code) => reject(new Error(`serve exited with ${code} before listening:\n${stderr}`)));
  });
}

const api = (port: number, path: string, init: RequestInit = {}) =>
  fetch(`http://127.0.0.1:${port}${path}`, { ...init, headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json', ...init.headers } });

/** Starts a scan of the schedule and waits (10 s at most) until it has ended. */
async function scanned(port: number, schedule: string): Promise<{ status: string; summary?: ScanSummary }> {
  const accepted = await api(port, '/scans', { method: 'POST', body: JSON.stringify({ schedule }) });
  expect(accepted.status).toBe(202);
  const { id } = (await accepted.json()) as { id: string };
  let scan: { status: string; summary?: ScanSummary } = { status: 'queued' };
  for (let i = 0; i < 100 && !['completed', 'failed', 'interrupted'].includes(scan.status); i++) {
    await new Promise((r) => setTimeout(r, 100));
    const res = await api(port, `/scans/${id}`);
    if (res.status === 200) scan = (await res.json()) as typeof scan;
  }
  return scan;
}

describe('dutyscan serve, the built program', () => {
  it('serves health to the Dockerfile HEALTHCHECK, scans on demand, records to its data directory, and exits 0 on SIGTERM', async () => {
    const server = await serve(['--demo', '--host', '127.0.0.1', '--port', '0']);
    try {
      // The image's HEALTHCHECK command, verbatim but for the port.
      const healthcheck = /HEALTHCHECK[^\n]*\\\n\s*CMD (\[.*\])/.exec(readFileSync(join(root, 'Dockerfile'), 'utf8'));
      const argv = JSON.parse(healthcheck![1]!) as string[];
      expect(argv[0]).toBe('node');
      await promisify(execFile)(process.execPath, argv.slice(1).map((a) => a.replace('127.0.0.1:8080', `127.0.0.1:${server.port}`)));

      expect((await fetch(`http://127.0.0.1:${server.port}/scans`)).status).toBe(401);
      const scan = await scanned(server.port, 'yearly-full');
      expect(scan).toMatchObject({ status: 'completed', schedule: 'yearly-full', summary: { source: 'demo' } });
      expect(await (await api(server.port, '/metrics')).text()).toMatch(/dutyscan_scans_total\{schedule="yearly-full",status="completed"\} 1/);
      expect(await (await api(server.port, '/metrics')).text()).toMatch(/dutyscan_process_resident_memory_bytes/);
      expect(Number(/^dutyscan_store_size_bytes (\d+)$/m.exec(await (await api(server.port, '/metrics')).text())?.[1])).toBeGreaterThan(1_000_000);
    } finally {
      server.child.kill('SIGTERM');
    }
    expect(await server.exited).toBe(0);
    expect(server.stderr()).toMatch(/"msg":"stopped"/);

    // The history survived the restart.
    const again = await serve(['--demo', '--host', '127.0.0.1', '--port', '0']);
    try {
      const list = (await (await api(again.port, '/scans')).json()) as { items: { status: string }[] };
      expect(list.items.map((s) => s.status)).toEqual(['completed']);
    } finally {
      again.child.kill('SIGTERM');
    }
    expect(await again.exited).toBe(0);
  }, 60_000);

  it('serve --demo evaluates the demo exactly as scan --demo does (the demo brings its own policy)', async () => {
    const cli = await dutyscan(['scan', '--demo', '--format', 'json']);
    const expected = (JSON.parse(cli.stdout) as { scan: ScanSummary }).scan.counts.byStatus;
    const server = await serve(['--demo', '--host', '127.0.0.1', '--port', '0', '--store', `sqlite:${join(dir, 'parity/history.db')}`]);
    try {
      const scan = await scanned(server.port, 'yearly-full');
      expect(scan.status).toBe('completed');
      expect(scan.summary?.counts.byStatus).toEqual(expected);
      // Contract deadlines count from the store's first sighting, not the demo's history: bob's MFA is due in 14 days, nothing is overdue.
      expect(await (await api(server.port, '/metrics')).text()).toMatch(/^dutyscan_findings_overdue 0$/m);
      expect(((await (await api(server.port, '/findings?overdue=true')).json()) as { items: unknown[] }).items).toEqual([]);
      const open = (await (await api(server.port, '/findings?status=FAIL&overdue=false&check=aws-iam-user-console-mfa-enabled')).json()) as { items: { resource: { name: string }; dueAt: string; failingSince: string; overdue: boolean }[] };
      const bob = open.items.find((f) => f.resource.name === 'bob')!;
      expect([bob.overdue, Date.parse(bob.dueAt) - Date.parse(bob.failingSince)]).toEqual([false, 14 * 86_400_000]);
    } finally {
      server.child.kill('SIGTERM');
    }
    expect(await server.exited).toBe(0);
  }, 60_000);

  it('SIGTERM mid-scan: a live AWS scan stuck on an API that never answers is aborted, recorded as interrupted, and the process exits 0', async () => {
    // An AWS endpoint that takes requests and never answers: the scan is mid-collection for as long as we like.
    const hanging: import('node:net').Socket[] = [];
    let requests = 0;
    const fake = createServer((req) => {
      requests++;
      hanging.push(req.socket);
    });
    await new Promise<void>((r) => fake.listen(0, '127.0.0.1', r));
    const address = fake.address();
    const endpoint = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    const liveConfig = join(dir, 'live.yaml');
    writeFileSync(liveConfig, [
      'providers:',
      `  aws: { endpoint: "${endpoint}", regions: [eu-west-1], maxAttempts: 1 }`,
      'service:',
      `  store: { kind: sqlite, path: ${join(dir, 'live/history.db')} }`,
      '  api: { tokenEnv: TEST_DUTYSCAN_TOKEN }',
      '  shutdownGraceSeconds: 5',
      '',
    ].join('\n'));
    const server = await serve(['--host', '127.0.0.1', '--port', '0'], {
      TEST_DUTYSCAN_TOKEN: TOKEN,
      AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
      AWS_SECRET_ACCESS_KEY: 'secret',
      AWS_REGION: 'eu-west-1',
      AWS_EC2_METADATA_DISABLED: 'true',
    }, liveConfig);
    let id = '';
    try {
      const accepted = await api(server.port, '/scans', { method: 'POST', body: JSON.stringify({ scope: { providers: ['aws'] } }) });
      expect(accepted.status).toBe(202);
      id = ((await accepted.json()) as { id: string }).id;
      // The scan loads the AWS SDK before its first request: on a loaded machine that takes seconds.
      for (let i = 0; i < 600 && requests === 0; i++) await new Promise((r) => setTimeout(r, 50));
      expect(requests).toBeGreaterThan(0);
      expect(((await (await api(server.port, `/scans/${id}`)).json()) as { status: string }).status).toBe('running');
    } finally {
      server.child.kill('SIGTERM');
    }
    const started = Date.now();
    expect(await server.exited).toBe(0);
    // Well inside the 5 s grace period: the abort reached the SDK call, the scan was not abandoned.
    expect(Date.now() - started).toBeLessThan(4_000);
    for (const socket of hanging) socket.destroy();
    fake.close();
    const store = openSqliteStore(join(dir, 'live/history.db'));
    try {
      expect(await store.getScan(id)).toMatchObject({ status: 'interrupted', message: 'the service stopped during the scan', drift: {} });
    } finally {
      await store.close();
    }
  }, 60_000);

  it.each([
    ['0.0.0.0', /0\.0\.0\.0 is not a loopback address/],
    ['127.does-not-resolve.invalid', /"127\.does-not-resolve\.invalid" does not resolve/],
  ])('refuses to listen on %s without an API token (exit 2, saying why)', async (host, why) => {
    const child = spawn(process.execPath, [bin, 'serve', '--config', config, '--demo', '--host', host, '--port', '0'], {
      env: { PATH: process.env.PATH ?? '' },
      cwd: dir,
      stdio: ['ignore', 'ignore', 'pipe'],
      ...(asRoot ? nobody : {}),
    });
    let stderr = '';
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).toBe(2);
    expect(stderr).toMatch(/no API token .*TEST_DUTYSCAN_TOKEN/);
    expect(stderr).toMatch(why);
  }, 30_000);

  it.each(['localhost', '127.0.0.1', '::1'])('listens on %s without an API token, and Fastify warns of nothing deprecated', async (host) => {
    const server = await serve(['--demo', '--host', host, '--port', '0'], {});
    try {
      expect(server.stderr()).toMatch(/API without authentication: only reachable on loopback/);
      const res = await fetch(`http://${host.includes(':') ? `[${host}]` : host}:${server.port}/scans`);
      expect(res.status).toBe(200);
    } finally {
      server.child.kill('SIGTERM');
    }
    expect(await server.exited).toBe(0);
    expect(server.stderr()).not.toMatch(/FSTDEP|DeprecationWarning/);
  }, 30_000);
});

/**
 * Nothing may hold the process after SIGTERM: not the sockets a scan's sinks opened, not a timer.
 * The forced exit 3 s after "stopped" is only a safety net; these deadlines are below it.
 */
describe('SIGTERM is prompt once scheduled scans have delivered to a syslog TCP sink', () => {
  const GRACE_SECONDS = 2;
  let rsyslog: Rsyslog | undefined;
  beforeAll(async () => {
    rsyslog = await startRsyslog();
  });
  afterAll(async () => {
    await rsyslog?.stop();
  });

  /** A demo service whose one schedule streams every finding to rsyslogd (APP-NAME = the schedule's name). */
  function withSyslog(name: string, cron: string): string {
    const file = join(dir, `${name}.yaml`);
    writeFileSync(file, [
      'sinks:',
      `  - { type: syslog, host: 127.0.0.1, port: ${rsyslog!.tcpPort}, transport: tcp, appName: ${name}, body: json, format: finding, batchSize: 20, maxQueuedBatches: 200, concurrency: 4, flushMs: 50 }`,
      'service:',
      '  schedules:',
      `    - { name: ${name}, cron: "${cron}", scope: { providers: [aws, azure, gcp] } }`,
      `  store: { kind: sqlite, path: ${join(dir, `${name}/history.db`)} }`,
      '  api: { tokenEnv: TEST_DUTYSCAN_TOKEN }',
      `  shutdownGraceSeconds: ${GRACE_SECONDS}`,
      '',
    ].join('\n'));
    return file;
  }

  interface Page { items: { id: string; status: string; summary?: { findings: number } }[]; activity: { running?: { scanId: string } } }
  async function until(port: number, done: (page: Page) => boolean, timeoutMs: number): Promise<Page> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const page = (await (await api(port, '/scans')).json()) as Page;
      if (done(page)) return page;
      if (Date.now() > deadline) throw new Error(`timed out waiting on GET /scans: ${JSON.stringify(page)}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }
  const delivered = (name: string) => rsyslog!.lines(name).length;

  async function stop(server: Server): Promise<number> {
    const signalled = Date.now();
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    return Date.now() - signalled;
  }

  it('idle: exits within one second', async () => {
    // Once a minute, at a second about 12 s from now: one scheduled scan, then a long idle stretch.
    const second = new Date(Date.now() + 12_000).getUTCSeconds();
    const server = await serve(['--demo', '--host', '127.0.0.1', '--port', '0'], undefined, withSyslog('idle', `${second} * * * * *`));
    let exitMs: number;
    try {
      const page = await until(server.port, (p) => p.items.some((s) => s.status === 'completed') && !p.activity.running, 50_000);
      const scan = (await (await api(server.port, `/scans/${page.items[0]!.id}`)).json()) as { summary: { findings: number } };
      for (let i = 0; i < 200 && delivered('idle') < scan.summary.findings; i++) await new Promise((r) => setTimeout(r, 50));
      expect(delivered('idle')).toBe(scan.summary.findings);
    } finally {
      exitMs = await stop(server);
    }
    expect(exitMs, server.stderr()).toBeLessThan(1_000);
  }, 90_000);

  it(`busy: exits within the ${GRACE_SECONDS} s drain deadline, the running scan recorded`, async () => {
    const server = await serve(['--demo', '--host', '127.0.0.1', '--port', '0'], undefined, withSyslog('busy', '* * * * * *'));
    let exitMs: number;
    let running = '';
    try {
      await until(server.port, (p) => p.items.some((s) => s.status === 'completed'), 50_000);
      expect(delivered('busy')).toBeGreaterThan(0);
      running = (await until(server.port, (p) => p.activity.running !== undefined, 10_000)).activity.running!.scanId;
    } finally {
      exitMs = await stop(server);
    }
    expect(exitMs, server.stderr()).toBeLessThan(GRACE_SECONDS * 1000);
    const store = openSqliteStore(join(dir, 'busy/history.db'));
    try {
      expect(['interrupted', 'completed']).toContain((await store.getScan(running))?.status);
    } finally {
      await store.close();
    }
  }, 90_000);
});

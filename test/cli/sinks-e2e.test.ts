/**
 * Every sink kind as a user runs it: the built CLI (`npm run build` first) scans the demo into a
 * real local receiver, at sink concurrency 1, 2 and 4. Every finding arrives, the summary is
 * printed, and the process then exits by itself within seconds: close() ends whatever a sink
 * opened (sockets, keep-alive agents, timers), however many deliveries ran at once.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pLimit from 'p-limit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../src/core/finding.js';
import type { ScanSummary } from '../../src/core/summary.js';
import { startRsyslog, testCertificates, waitForLines, type Rsyslog, type TlsFiles } from '../sinks/rsyslog.js';
import { FakeReceiver, json, type Received } from '../sinks/support.js';

const bin = join(import.meta.dirname, '../../bin/dutyscan.js');
/** A process silent this long is hung: it is killed and the case fails. */
const HANG_MS = 30_000;
/** Liveness, not speed: a clean exit takes well under a second. */
const EXIT_WITHIN_MS = 5_000;
const CONCURRENCIES = [1, 2, 4] as const;

interface Run { code: number | null; stdout: string; stderr: string; exitAfterSummaryMs: number }

const children = new Set<ChildProcess>();
/** Two CLI processes at a time: the machine is shared. */
const cli = pLimit(2);

/** Runs the built CLI; measures the time from its last output (the summary) to its exit. */
function dutyscan(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return cli(() => new Promise<Run>((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], {
      env: { PATH: process.env.PATH ?? '', HOME: tmpdir(), ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.add(child);
    let stdout = '';
    let stderr = '';
    let lastOutput = Date.now();
    let hang: NodeJS.Timeout | undefined;
    const watch = () => {
      lastOutput = Date.now();
      clearTimeout(hang);
      hang = setTimeout(() => child.kill('SIGKILL'), HANG_MS);
    };
    watch();
    child.stdout!.on('data', (d: Buffer) => { stdout += d.toString(); watch(); });
    child.stderr!.on('data', (d: Buffer) => { stderr += d.toString(); });
    child.once('exit', (code) => {
      clearTimeout(hang);
      children.delete(child);
      resolve({ code, stdout, stderr, exitAfterSummaryMs: Date.now() - lastOutput });
    });
  }));
}

afterAll(() => {
  for (const child of children) child.kill('SIGKILL');
});

const receivers: FakeReceiver[] = [];
const receiver = async (handle: ConstructorParameters<typeof FakeReceiver>[0]) => {
  const r = await new FakeReceiver(handle).start();
  receivers.push(r);
  return r;
};
afterAll(async () => {
  await Promise.all(receivers.splice(0).map((r) => r.stop()));
});

let rsyslog: Rsyslog | undefined;
let certs: TlsFiles;
beforeAll(async () => {
  certs = testCertificates();
  rsyslog = await startRsyslog(certs);
});
afterAll(async () => {
  await rsyslog?.stop();
});

interface Case {
  /** Sink settings beyond the common ones below. */
  sink: Record<string, unknown>;
  env?: Record<string, string>;
  /** Finding ids the receiver took, once it has `expected` of them or has waited long enough. */
  received: (expected: number) => Promise<string[]>;
  /** The findings this sink takes (Security Hub takes AWS results only). */
  eligible?: (f: Finding) => boolean;
}

/** The receivers, one per case for HTTP (cheap), one rsyslogd shared by every syslog case (told apart by APP-NAME). */
const KINDS: Record<string, (concurrency: number) => Promise<Case>> = {
  async hec() {
    let ackId = 0;
    const ids: string[] = [];
    const hec = await receiver((req, res) => {
      if (req.headers['authorization'] !== 'Splunk e2e-hec-token') return json(res, 401, { text: 'Invalid token', code: 4 });
      if (!req.headers['x-splunk-request-channel']) return json(res, 400, { text: 'Data channel is missing', code: 10 });
      if (req.url === '/services/collector/event') {
        for (const line of req.body.split('\n').filter(Boolean)) ids.push((JSON.parse(line) as { event: { finding_info: { uid: string } } }).event.finding_info.uid);
        return json(res, 200, { text: 'Success', code: 0, ackId: ackId++ });
      }
      if (req.url === '/services/collector/ack') {
        const acks = (JSON.parse(req.body) as { acks: number[] }).acks;
        return json(res, 200, { acks: Object.fromEntries(acks.map((id) => [String(id), true])) });
      }
      json(res, 404, { text: 'Not found', code: 404 });
    });
    return { sink: { type: 'hec', url: hec.url, token: 'e2e-hec-token', ack: { enabled: true, pollMs: 20, timeoutMs: 5000 } }, received: async () => ids };
  },

  async webhook() {
    const secret = 'e2e-webhook-signing-secret';
    const ids: string[] = [];
    const hook = await receiver((req: Received, res) => {
      const timestamp = String(req.headers['x-dutyscan-timestamp']);
      const expected = `sha256=${createHmac('sha256', secret).update(`${timestamp}.${req.body}`).digest('hex')}`;
      if (req.headers['x-dutyscan-signature'] !== expected) return json(res, 401, { error: 'bad signature' });
      ids.push(...(JSON.parse(req.body) as { findings: Finding[] }).findings.map((f) => f.id));
      json(res, 200, {});
    });
    return { sink: { type: 'webhook', url: `${hook.url}/hook`, secret }, received: async () => ids };
  },

  async securityhub() {
    const ids: string[] = [];
    const hub = await receiver((req, res) => {
      if (req.method !== 'POST' || req.url !== '/findings/import') return json(res, 404, { message: `no route ${req.method} ${req.url}` });
      if (!/^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\//.test(String(req.headers['authorization']))) return json(res, 403, { message: 'unsigned' });
      const { Findings } = JSON.parse(req.body) as { Findings: { ProductFields: Record<string, string> }[] };
      ids.push(...Findings.map((f) => f.ProductFields['dutyscan/findingId']!));
      json(res, 200, { FailedCount: 0, SuccessCount: Findings.length, FailedFindings: [] });
    });
    return {
      sink: { type: 'securityhub', region: 'eu-west-1', endpoint: hub.url },
      env: { AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE', AWS_SECRET_ACCESS_KEY: 'e2e-secret', AWS_EC2_METADATA_DISABLED: 'true', AWS_CONFIG_FILE: '/nonexistent', AWS_SHARED_CREDENTIALS_FILE: '/nonexistent' },
      received: async () => ids,
      // ASFF findings name an AWS account; NOT_APPLICABLE results are not imported.
      eligible: (f) => f.resource.provider === 'aws' && f.status !== 'NOT_APPLICABLE',
    };
  },

  'syslog-tcp': async (concurrency) => syslogCase('tcp', concurrency),
  'syslog-tls': async (concurrency) => syslogCase('tls', concurrency),
};

/** RFC 5424 lines as the rsyslog helper's template writes them: the finding id is in the structured data. */
function syslogIds(transport: string, appName: string): (expected: number) => Promise<string[]> {
  return async (expected) => {
    // rsyslogd writes what it received asynchronously; UDP may never bring them all.
    const lines = await waitForLines(rsyslog!, expected, transport === 'udp' ? 2_000 : 10_000, appName);
    return lines.map((l) => /\bid="([^"]+)"/.exec(l.split('\t')[6] ?? '')?.[1] ?? `unparsed ${transport} line`);
  };
}

function syslogCase(transport: 'tcp' | 'tls' | 'udp', concurrency: number, appName = `e2e-${transport}-c${concurrency}`): Case {
  const port = { tcp: rsyslog!.tcpPort, tls: rsyslog!.tlsPort, udp: rsyslog!.udpPort }[transport];
  const sink = {
    type: 'syslog', host: '127.0.0.1', port, transport, appName, body: 'json', format: 'finding',
    ...(transport === 'tls' ? { tls: { caFile: certs.ca, serverName: 'localhost' } } : {}),
  };
  return { sink, received: syslogIds(transport, appName) };
}

/** A config with one sink at the given concurrency; small batches so that deliveries really overlap. */
function config(sink: Record<string, unknown>, concurrency: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'dutyscan-sinks-e2e-'));
  const file = join(dir, 'dutyscan.yaml');
  const settings = { ...sink, concurrency, batchSize: 20, maxQueuedBatches: 200, flushMs: 50, closeTimeoutMs: 20_000, retry: { attempts: 3, initialDelayMs: 50, maxDelayMs: 200 }, spool: { dir: 'spool' } };
  writeFileSync(file, `sinks:\n  - ${JSON.stringify(settings)}\n`);
  return file;
}

/** The demo's findings (their ids are stable from run to run): what each receiver must end up with. */
let demo: Finding[];
beforeAll(async () => {
  const run = await dutyscan(['scan', '--demo', '--format', 'json']);
  demo = (JSON.parse(run.stdout) as { findings: Finding[] }).findings;
  expect(demo.length).toBeGreaterThan(100);
});

/**
 * `dutyscan scan --demo -c cfg.yaml`, printing the table and its summary to stdout as at a
 * terminal; the findings come out in bursts, so deliveries (and connection attempts) overlap.
 */
async function scan(sink: Record<string, unknown>, concurrency: number, env?: Record<string, string>, format?: string) {
  const run = await dutyscan(['scan', '--demo', '--no-progress', ...(format ? ['--format', format] : []), '--config', config(sink, concurrency)], env);
  expect(run.exitAfterSummaryMs, `exit ${run.exitAfterSummaryMs} ms after the summary; stderr:\n${run.stderr}`).toBeLessThan(EXIT_WITHIN_MS);
  expect(run.code, run.stderr).toBe(5); // the demo has failing findings, and facts it was denied
  if (!format) {
    expect(run.stdout).toContain(`${demo.length} results from`);
    expect(run.stdout).not.toMatch(/not delivered/);
  }
  return run;
}

describe.concurrent('the built CLI streams a demo scan to every sink kind and exits after its summary', () => {
  for (const [kind, make] of Object.entries(KINDS)) {
    for (const concurrency of CONCURRENCIES) {
      it(`${kind} at concurrency ${concurrency}: every finding arrives, the summary is printed, the process exits`, async () => {
        const c = await make(concurrency);
        await scan(c.sink, concurrency, c.env);
        const expected = demo.filter(c.eligible ?? (() => true)).map((f) => f.id);
        expect(expected.length).toBeGreaterThan(100);
        const received = await c.received(expected.length);
        expect(received).toHaveLength(expected.length);
        expect(new Set(received)).toEqual(new Set(expected));
      }, 120_000);
    }
  }

  for (const concurrency of CONCURRENCIES) {
    it(`syslog-udp at concurrency ${concurrency}: counts what it sent and says delivery is unconfirmed`, async () => {
      const { sink, received: ids } = syslogCase('udp', concurrency);
      const run = await scan(sink, concurrency);
      // UDP cannot confirm delivery: the datagrams are counted as sent, never as delivered.
      expect(run.stdout).toContain(`Sink syslog: ${demo.length} finding(s) sent, delivery unconfirmed (UDP)`);
      const received = await ids(demo.length);
      expect(received.length).toBeGreaterThan(0);
      expect(new Set(received).size).toBeLessThanOrEqual(demo.length);
    }, 120_000);
  }

  it('syslog-udp in the JSON summary: the unconfirmed count by sink', async () => {
    const { sink } = syslogCase('udp', 2, 'e2e-udp-json');
    const run = await scan(sink, 2, {}, 'json');
    const doc = JSON.parse(run.stdout) as { scan: ScanSummary & { unconfirmed?: Record<string, number> }; findings: Finding[] };
    expect(doc.scan.unconfirmed).toEqual({ syslog: doc.findings.length });
    expect(doc.scan.undelivered).toEqual({});
  }, 120_000);
});

import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import type { Finding } from '../../src/core/finding.js';
import type { ScanSummary } from '../../src/core/summary.js';

const bin = join(import.meta.dirname, '../../bin/dutyscan.js');
async function dutyscan(args: string[]) {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [bin, ...args], { maxBuffer: 256 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

interface Attempt { readonly key: string | undefined; readonly batch: string; readonly ids: string[]; readonly status: number }

/**
 * A webhook receiver that records the finding ids of every batch it accepts, and every attempt
 * with its idempotency key; it answers 503 while `down` says so.
 */
async function receiver(port = 0, down: () => boolean = () => false) {
  const received: string[] = [];
  const attempts: Attempt[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => { body += c.toString(); });
    req.on('end', () => {
      const batch = JSON.parse(body) as { batch: string; findings: Finding[] };
      const status = down() ? 503 : 200;
      attempts.push({ key: req.headers['idempotency-key'] as string | undefined, batch: batch.batch, ids: batch.findings.map((f) => f.id), status });
      if (status === 200) received.push(...batch.findings.map((f) => f.id));
      res.writeHead(status).end('{}');
    });
  });
  await new Promise<void>((r) => server.listen(port, '127.0.0.1', r));
  return { received, attempts, server, port: (server.address() as AddressInfo).port };
}

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

function config(dir: string, port: number): string {
  const file = join(dir, 'sinks.yaml');
  writeFileSync(file, [
    'sinks:',
    '  - type: webhook',
    `    url: http://127.0.0.1:${port}/hook`,
    '    secret: test-signing-secret',
    '    batchSize: 40',
    '    flushMs: 50',
    '    closeTimeoutMs: 5000',
    '    retry: { attempts: 2, initialDelayMs: 20, maxDelayMs: 50 }',
    '    spool: { dir: spool }',
    '',
  ].join('\n'));
  return file;
}

describe('scan streams findings to SIEM sinks with at-least-once delivery', () => {
  it('delivers every finding of the scan to the webhook', async () => {
    const r = await receiver();
    servers.push(r.server);
    const dir = mkdtempSync(join(tmpdir(), 'dutyscan-sink-'));
    const out = await dutyscan(['scan', '--demo', '--format', 'json', '--config', config(dir, r.port)]);
    expect(out.code).toBe(5); // the demo: violated duties, and ERRORs for what it was denied
    const doc = JSON.parse(out.stdout) as { scan: ScanSummary; findings: Finding[] };
    expect(new Set(r.received)).toEqual(new Set(doc.findings.map((f) => f.id)));
    expect(doc.scan.undelivered).toEqual({});
  });

  it('spools what a down receiver could not take, says so, and delivers it on flush', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dutyscan-sink-'));
    const probe = await receiver();
    const port = probe.port;
    await new Promise((done) => probe.server.close(done)); // the SIEM is down during the scan
    const file = config(dir, port);
    const out = await dutyscan(['scan', '--demo', '--format', 'json', '--config', file]);
    const doc = JSON.parse(out.stdout) as { scan: ScanSummary; findings: Finding[] };
    expect(doc.scan.undelivered).toEqual({ webhook: doc.findings.length });
    expect(readdirSync(join(dir, 'spool'), { recursive: true }).length).toBeGreaterThan(0);

    const r = await receiver(port); // back up
    servers.push(r.server);
    const flushed = await dutyscan(['sinks', 'flush', '--config', file]);
    expect(flushed.code).toBe(0);
    expect(new Set(r.received)).toEqual(new Set(doc.findings.map((f) => f.id)));
  });

  it('replays a spooled batch with the batch id (idempotency key) of its failed attempts', async () => {
    let down = true;
    const r = await receiver(0, () => down);
    servers.push(r.server);
    const dir = mkdtempSync(join(tmpdir(), 'dutyscan-sink-'));
    const file = config(dir, r.port);
    const out = await dutyscan(['scan', '--demo', '--format', 'json', '--config', file]);
    const doc = JSON.parse(out.stdout) as { scan: ScanSummary; findings: Finding[] };
    expect(doc.scan.undelivered).toEqual({ webhook: doc.findings.length });
    const failed = r.attempts.splice(0);
    expect(failed.length).toBeGreaterThan(1);
    expect(failed.every((a) => a.status === 503 && a.key === a.batch)).toBe(true);

    down = false;
    expect((await dutyscan(['sinks', 'flush', '--config', file])).code).toBe(0);
    expect(new Set(r.received)).toEqual(new Set(doc.findings.map((f) => f.id)));
    const keyOf = (attempts: Attempt[]) => new Map(attempts.map((a) => [a.ids.join(','), a.key]));
    // Each batch carries the same id on the replay as on the attempts that failed, in header and body.
    expect(r.attempts.every((a) => a.key === a.batch)).toBe(true);
    expect(keyOf(r.attempts)).toEqual(keyOf(failed));
  });
});

import { readdirSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { sinksSchema } from '../../src/sinks/config.js';
import { createSinks, SinkSet, spoolDir } from '../../src/sinks/index.js';
import { Spool } from '../../src/sinks/spool.js';
import { webhookSignature } from '../../src/sinks/webhook.js';
import { manyFindings } from '../support/findings.js';
import { fastRetry, FakeReceiver, json, tempDir, type Received } from './support.js';

const receivers: FakeReceiver[] = [];
afterEach(async () => {
  await Promise.all(receivers.splice(0).map((r) => r.stop()));
});
const receiver = async (handle: ConstructorParameters<typeof FakeReceiver>[0]) => {
  const r = await new FakeReceiver(handle).start();
  receivers.push(r);
  return r;
};

/** HEC bodies are JSON objects back to back, one per line. */
const hecEvents = (reqs: readonly Received[]) =>
  reqs.filter((r) => r.url === '/services/collector/event').flatMap((r) => r.body.split('\n').filter(Boolean).map((l) => JSON.parse(l) as { event: { finding_info: { uid: string } } }));

describe('Splunk HEC sink', () => {
  it('survives a receiver that answers 503/429 for a while: nothing lost, duplicates only from retries', async () => {
    let calls = 0;
    const hec = await receiver((req, res) => {
      calls++;
      if (req.headers['authorization'] !== 'Splunk tok-1') return json(res, 401, { text: 'Invalid token', code: 4 });
      if (calls <= 4) return json(res, 503, { text: 'Server is busy', code: 9 }, { 'retry-after': '0' });
      if (calls <= 6) return json(res, 429, { text: 'Too many', code: 9 });
      json(res, 200, { text: 'Success', code: 0 });
    });
    const findings = manyFindings(1000);
    const [config] = sinksSchema.parse([{ type: 'hec', url: hec.url, token: 'tok-1', batchSize: 50, retry: fastRetry, spool: { dir: tempDir('spool') } }]);
    const sinks = new SinkSet(createSinks([config!]));
    for (const f of findings) sinks.write(f);
    const report = (await sinks.close())['hec']!;
    expect(report).toMatchObject({ delivered: 1000, spooled: 0, failed: 0 });
    const received = hecEvents(hec.requests.filter((_r, i) => i >= 6));
    expect(new Set(received.map((e) => e.event.finding_info.uid))).toEqual(new Set(findings.map((f) => f.id)));
    expect(received).toHaveLength(1000);
    expect(hec.requests[0]!.headers['content-encoding']).toBe('gzip');
  });

  it('spools what it cannot deliver, then replays it on the next run', async () => {
    let healthy = false;
    const hec = await receiver((_req, res) => (healthy ? json(res, 200, { text: 'Success', code: 0 }) : json(res, 503, { text: 'busy' })));
    const dir = tempDir('spool');
    const findings = manyFindings(230);
    const cfg = sinksSchema.parse([{ type: 'hec', name: 'splunk', url: hec.url, token: 't', batchSize: 100, retry: { attempts: 2, initialDelayMs: 5, maxDelayMs: 5 }, spool: { dir } }]);
    const first = new SinkSet(createSinks(cfg));
    for (const f of findings) first.write(f);
    expect((await first.close())['splunk']).toMatchObject({ delivered: 0, spooled: 230, failed: 0, backlog: 230 });
    expect(readdirSync(`${dir}/splunk`).filter((n) => n.endsWith('.batch.json'))).toHaveLength(3);

    healthy = true;
    hec.requests.length = 0;
    const second = new SinkSet(createSinks(cfg));
    second.write(manyFindings(1)[0]!);
    expect((await second.close())['splunk']).toMatchObject({ delivered: 1, replayed: 230, spooled: 0, backlog: 0 });
    const ids = hecEvents(hec.requests).map((e) => e.event.finding_info.uid);
    expect(new Set(ids)).toEqual(new Set(findings.map((f) => f.id)));
    expect(readdirSync(`${dir}/splunk`).filter((n) => n.endsWith('.batch.json'))).toHaveLength(0);
  });

  it('with indexer acknowledgement, counts a batch delivered only once it is acknowledged', async () => {
    let ackId = 0;
    const polls = new Map<number, number>();
    const hec = await receiver((req, res) => {
      expect(req.headers['x-splunk-request-channel']).toMatch(/^[0-9a-f-]{36}$/);
      if (req.url === '/services/collector/event') return json(res, 200, { text: 'Success', code: 0, ackId: ++ackId });
      const ids = (JSON.parse(req.body) as { acks: number[] }).acks;
      json(res, 200, { acks: Object.fromEntries(ids.map((id) => {
        const n = (polls.get(id) ?? 0) + 1;
        polls.set(id, n);
        return [String(id), n >= 2];
      })) });
    });
    const cfg = sinksSchema.parse([{ type: 'hec', url: hec.url, token: 't', batchSize: 10, gzip: false, ack: { enabled: true, pollMs: 5, timeoutMs: 2000 }, retry: fastRetry, spool: { dir: tempDir('spool') } }]);
    const sinks = new SinkSet(createSinks(cfg));
    for (const f of manyFindings(35)) sinks.write(f);
    expect((await sinks.close())['hec']).toMatchObject({ delivered: 35, spooled: 0 });
    expect(ackId).toBe(4);
    expect([...polls.values()].every((n) => n === 2)).toBe(true);
  });

  it('a close that cannot wait ends the ack polling as an abort, not as an acknowledgement that never came', async () => {
    let polled!: () => void;
    const firstPoll = new Promise<void>((resolve) => (polled = resolve));
    const hec = await receiver((req, res) => {
      if (req.url === '/services/collector/event') return json(res, 200, { text: 'Success', code: 0, ackId: 1 });
      polled();
      json(res, 200, { acks: { 1: false } });
    });
    const cfg = sinksSchema.parse([{ type: 'hec', url: hec.url, token: 't', batchSize: 10, gzip: false, ack: { enabled: true, pollMs: 60_000, timeoutMs: 120_000 }, retry: fastRetry, spool: { dir: tempDir('spool') } }]);
    const logged: { message: string; fields?: Record<string, unknown> }[] = [];
    const [sink] = createSinks(cfg, { log: (_level, message, fields) => logged.push({ message, ...(fields ? { fields } : {}) }) });
    for (const f of manyFindings(10)) sink!.write(f);
    const closing = sink!.close();
    await firstPoll;
    await new Promise((resolve) => setTimeout(resolve, 300)); // the answer read, the sink waits for its next poll
    const started = performance.now();
    await sink!.close({ now: true });
    expect(await closing).toMatchObject({ delivered: 0, spooled: 10 });
    expect(performance.now() - started).toBeLessThan(10_000);
    const spooled = logged.find((l) => l.message.endsWith('batch spooled for replay'));
    expect(spooled?.fields?.['reason']).toMatch(/abort/i);
    expect(spooled?.fields?.['reason']).not.toMatch(/not acknowledged/);
  });

  it('a refused token is not retried; the batch is spooled at once for a later replay', async () => {
    const hec = await receiver((_req, res) => json(res, 403, { text: 'Invalid token', code: 4 }));
    const cfg = sinksSchema.parse([{ type: 'hec', url: hec.url, token: { env: 'DUTYSCAN_TEST_HEC_TOKEN' }, batchSize: 100, retry: fastRetry, spool: { dir: tempDir('spool') } }]);
    process.env['DUTYSCAN_TEST_HEC_TOKEN'] = 'from-env';
    const sinks = new SinkSet(createSinks(cfg));
    for (const f of manyFindings(10)) sinks.write(f);
    expect((await sinks.close())['hec']).toMatchObject({ delivered: 0, spooled: 10 });
    expect(hec.requests).toHaveLength(1);
    expect(hec.requests[0]!.headers['authorization']).toBe('Splunk from-env');
  });
});

describe('webhook sink', () => {
  it('signs timestamp+body with HMAC-SHA256 and recovers from a failing receiver without loss', async () => {
    let calls = 0;
    const seenBatches = new Map<string, number>();
    const hook = await receiver((req, res) => {
      calls++;
      const ts = req.headers['x-dutyscan-timestamp'] as string;
      expect(Math.abs(Number(ts) - Date.now() / 1000)).toBeLessThan(60);
      expect(req.headers['x-dutyscan-signature']).toBe(webhookSignature('s3cret', ts, req.body));
      const { batch } = JSON.parse(req.body) as { batch: string };
      expect(req.headers['idempotency-key']).toBe(batch);
      seenBatches.set(batch, (seenBatches.get(batch) ?? 0) + 1);
      if (calls % 3 === 1) return json(res, 500, { error: 'boom' });
      res.writeHead(204).end();
    });
    const findings = manyFindings(300);
    const cfg = sinksSchema.parse([{ type: 'webhook', url: `${hook.url}/hook`, secret: 's3cret', batchSize: 40, retry: fastRetry, spool: { dir: tempDir('spool') } }]);
    const sinks = new SinkSet(createSinks(cfg));
    for (const f of findings) sinks.write(f);
    expect((await sinks.close())['webhook']).toMatchObject({ delivered: 300, spooled: 0, failed: 0 });
    const accepted = hook.requests.filter((_r, i) => (i + 1) % 3 !== 1);
    const ids = accepted.flatMap((r) => (JSON.parse(r.body) as { findings: { id: string }[] }).findings.map((f) => f.id));
    expect(ids.sort()).toEqual(findings.map((f) => f.id).sort());
    // Retries reuse the batch id, so a receiver can drop the duplicates at-least-once allows.
    expect(seenBatches.size).toBe(Math.ceil(300 / 40));
  });

  it('a tampered body fails verification', () => {
    expect(webhookSignature('k', '1', '{"a":1}')).not.toBe(webhookSignature('k', '1', '{"a":2}'));
    expect(webhookSignature('k', '1', 'x')).not.toBe(webhookSignature('k', '2', 'x'));
  });
});

describe('never blocking the scan', () => {
  it('write() returns at once with a receiver that hangs; close() spools what is left after its timeout', async () => {
    const hung = await receiver(() => { /* never answers */ });
    const cfg = sinksSchema.parse([{
      type: 'webhook', url: hung.url, secret: 'k', batchSize: 10, maxQueuedBatches: 5, concurrency: 2,
      closeTimeoutMs: 300, requestTimeoutMs: 60_000, retry: fastRetry, spool: { dir: tempDir('spool') },
    }]);
    const sinks = new SinkSet(createSinks(cfg));
    const findings = manyFindings(2_000);
    // All 2,000 writes return within one turn of the event loop: nothing in write() waits on the receiver.
    let turned = false;
    setImmediate(() => { turned = true; });
    for (const f of findings) sinks.write(f);
    expect(turned).toBe(false);
    const report = (await sinks.close())['webhook']!;
    expect(report.delivered).toBe(0);
    expect(report.spooled + report.failed).toBe(2_000);
    expect(report.failed).toBe(0);
  });
});

describe('closing when the process is going away', () => {
  it('close({ now: true }) spools everything not yet delivered at once, the batch in flight too, instead of waiting on a hung receiver', async () => {
    const hung = await receiver(() => { /* never answers */ });
    const cfg = sinksSchema.parse([{
      type: 'webhook', url: hung.url, secret: 'k', batchSize: 10, concurrency: 2,
      closeTimeoutMs: 60_000, requestTimeoutMs: 60_000, retry: fastRetry, spool: { dir: tempDir('spool') },
    }]);
    const sinks = new SinkSet(createSinks(cfg));
    const findings = manyFindings(95);
    for (const f of findings) sinks.write(f);
    const started = performance.now();
    const report = (await sinks.close({ now: true }))['webhook']!;
    // Well inside the three seconds `serve` allows itself after "stopped", never the 60 s close timeout.
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(report).toMatchObject({ delivered: 0, spooled: 95, failed: 0 });
    const spool = new Spool(spoolDir(cfg[0]!, undefined), 'webhook', 1 << 30);
    expect(spool.list().reduce((n, f) => n + spool.read(f).records.length, 0)).toBe(95);
  });
});

describe('HEC over TLS', () => {
  it('verifies the server with the configured CA file, and refuses an untrusted one', async () => {
    const { execFileSync } = await import('node:child_process');
    const { createServer } = await import('node:https');
    const { readFileSync } = await import('node:fs');
    const dir = tempDir('hec-tls');
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', `${dir}/key.pem`, '-out', `${dir}/cert.pem`, '-days', '2', '-subj', '/CN=localhost', '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1'], { stdio: 'ignore' });
    let events = 0;
    const server = createServer({ key: readFileSync(`${dir}/key.pem`), cert: readFileSync(`${dir}/cert.pem`) }, (req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => { events++; res.writeHead(200, { 'content-type': 'application/json' }).end('{"text":"Success","code":0}'); });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const url = `https://127.0.0.1:${(server.address() as { port: number }).port}`;
    try {
      const trusted = sinksSchema.parse([{ type: 'hec', url, token: 't', tls: { caFile: `${dir}/cert.pem` }, retry: fastRetry, spool: { dir: tempDir('spool') } }]);
      let s = new SinkSet(createSinks(trusted));
      for (const f of manyFindings(5)) s.write(f);
      expect((await s.close())['hec']).toMatchObject({ delivered: 5 });
      const untrusted = sinksSchema.parse([{ type: 'hec', url, token: 't', retry: { attempts: 2, initialDelayMs: 1, maxDelayMs: 1 }, spool: { dir: tempDir('spool') } }]);
      s = new SinkSet(createSinks(untrusted));
      for (const f of manyFindings(5)) s.write(f);
      expect((await s.close())['hec']).toMatchObject({ delivered: 0, spooled: 5 });
      expect(events).toBe(1);
    } finally {
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    }
  });
});

describe('what a sink sends', () => {
  it('honours statuses and includeMuted', async () => {
    const hook = await receiver((_req, res) => res.writeHead(204).end());
    const cfg = sinksSchema.parse([{ type: 'webhook', url: hook.url, secret: 'k', statuses: ['FAIL', 'ERROR'], includeMuted: false, retry: fastRetry, spool: { dir: tempDir('spool') } }]);
    const sinks = new SinkSet(createSinks(cfg));
    const findings = manyFindings(400);
    for (const f of findings) sinks.write(f);
    const expected = findings.filter((f) => (f.status === 'FAIL' || f.status === 'ERROR') && !f.muted);
    expect((await sinks.close())['webhook']).toMatchObject({ delivered: expected.length, spooled: 0 });
    const ids = hook.requests.flatMap((r) => (JSON.parse(r.body) as { findings: { id: string }[] }).findings.map((f) => f.id));
    expect(ids.sort()).toEqual(expected.map((f) => f.id).sort());
  });
});

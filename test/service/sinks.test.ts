import { createServer, type Server } from 'node:http';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { publisherFor } from '../../src/cli/commands/serve.js';
import type { Finding } from '../../src/core/finding.js';
import { ServiceMetrics } from '../../src/service/metrics.js';
import { sinksSchema } from '../../src/sinks/index.js';
import { openSqliteStore } from '../../src/store/sqlite.js';
import type { SqlStore } from '../../src/store/sql-store.js';
import { finding } from '../support/findings.js';
import { coordinator, scriptedScan, silent } from './harness.js';

const s3 = (name: string, status: Finding['status']) => finding({ status, resource: { id: `arn:aws:s3:::${name}`, name } });

let store: SqlStore;
let receiver: Server;
let received: Finding[][];
let url: string;

beforeEach(async () => {
  store = openSqliteStore(':memory:');
  await store.migrate();
  received = [];
  receiver = createServer((req, res) => {
    let body = '';
    req.on('data', (d: Buffer) => (body += d.toString()));
    req.on('end', () => {
      received.push((JSON.parse(body) as { findings: Finding[] }).findings);
      res.writeHead(200).end('{}');
    });
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
  const address = receiver.address();
  url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/hook`;
});
afterEach(async () => {
  await store.close();
  await new Promise((r) => receiver.close(r));
});

async function scans(changesOnly: boolean, plan: Finding[][]) {
  const metrics = new ServiceMetrics({ defaultMetrics: false });
  const sinks = sinksSchema.parse([{ type: 'webhook', name: 'siem', url, secret: 'webhook-secret-123', flushMs: 10, spool: { dir: mkdtempSync(join(tmpdir(), 'dutyscan-spool-')) } }]);
  const publisher = publisherFor(sinks, changesOnly, { contract: { id: 'iaas-customer-duties', title: 'IaaS' }, baseDir: undefined, log: silent, metrics });
  const c = coordinator(store, scriptedScan((_, i) => plan[i]!), { publisher });
  const perScan: string[][] = [];
  for (let i = 0; i < plan.length; i++) {
    const before = received.length;
    const t = c.trigger({ providers: ['aws'] }, { trigger: 'schedule', schedule: 'daily' });
    if (!t.accepted) throw new Error('refused');
    await t.done;
    perScan.push(received.slice(before).flat().map((f) => `${f.resource.name}:${f.status}`).sort());
  }
  return { perScan, metrics: await metrics.render() };
}

describe('sinks in service mode', () => {
  const plan = [[s3('a', 'FAIL'), s3('b', 'PASS')], [s3('a', 'FAIL'), s3('b', 'PASS')], [s3('a', 'PASS'), s3('b', 'PASS')]];

  it('changes-only: a receiver hears the new failure, nothing while it stays failing, then its resolution', async () => {
    const { perScan, metrics } = await scans(true, plan);
    expect(perScan).toEqual([['a:FAIL'], [], ['a:PASS']]);
    expect(metrics).toMatch(/dutyscan_sink_deliveries_total\{sink="siem"\} 2/);
    expect(metrics).toMatch(/dutyscan_sink_spool_size\{sink="siem"\} 0/);
  });

  it('all findings: every recorded finding of every scan, with firstSeen and lastSeen from the history', async () => {
    const { perScan, metrics } = await scans(false, plan);
    expect(perScan).toEqual([['a:FAIL', 'b:PASS'], ['a:FAIL', 'b:PASS'], ['a:PASS', 'b:PASS']]);
    expect(received.flat().every((f) => f.firstSeen !== undefined && f.lastSeen !== undefined)).toBe(true);
    expect(metrics).toMatch(/dutyscan_sink_deliveries_total\{sink="siem"\} 6/);
  });
});

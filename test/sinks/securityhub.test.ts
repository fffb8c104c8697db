import { afterEach, describe, expect, it } from 'vitest';
import { toAsff } from '../../src/output/asff.js';
import { CallPacer } from '../../src/sinks/securityhub.js';
import { sinksSchema } from '../../src/sinks/config.js';
import { createSinks, SinkSet } from '../../src/sinks/index.js';
import { manyFindings } from '../support/findings.js';
import { FakeReceiver, json, tempDir } from './support.js';

let fake: FakeReceiver | undefined;
afterEach(async () => {
  await fake?.stop();
  fake = undefined;
});

const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' };

describe('Security Hub sink (real @aws-sdk/client-securityhub against a local fake)', () => {
  it('imports in batches of <= 100 at <= 10 calls/s, retries throttling, reports per-finding failures', async () => {
    const callTimes: number[] = [];
    const imported: Record<string, unknown>[] = [];
    let throttled = false;
    fake = await new FakeReceiver((req, res) => {
      if (req.method !== 'POST' || req.url !== '/findings/import') return json(res, 404, { message: `no route ${req.method} ${req.url}` });
      expect(req.headers['authorization']).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d+\/eu-west-1\/securityhub\//);
      if (!throttled) {
        throttled = true;
        return json(res, 429, { message: 'Rate exceeded' }, { 'x-amzn-errortype': 'TooManyRequestsException' });
      }
      callTimes.push(Date.now());
      const { Findings } = JSON.parse(req.body) as { Findings: { Id: string; SchemaVersion: string; AwsAccountId: string }[] };
      expect(Findings.length).toBeLessThanOrEqual(100);
      imported.push(...(Findings as unknown as Record<string, unknown>[]));
      for (const f of Findings) expect(f.SchemaVersion).toBe('2018-10-08');
      // The receiver rejects one finding per call, as Security Hub does for invalid input.
      const bad = Findings[0]!;
      json(res, 200, {
        FailedCount: 1,
        SuccessCount: Findings.length - 1,
        FailedFindings: [{ Id: bad.Id, ErrorCode: 'InvalidInput', ErrorMessage: 'Finding does not adhere to ASFF' }],
      });
    }).start();
    const all = manyFindings(5_000);
    const eligible = all.filter((f) => f.resource.provider === 'aws' && f.status !== 'NOT_APPLICABLE');
    const cfg = sinksSchema.parse([{
      type: 'securityhub', region: 'eu-west-1', endpoint: fake.url, batchSize: 500, concurrency: 4,
      retry: { attempts: 3, initialDelayMs: 5, maxDelayMs: 10 }, spool: { dir: tempDir('spool') },
    }]);
    const sinks = new SinkSet(createSinks(cfg, { securityHubClient: { credentials } }));
    for (const f of all) sinks.write(f);
    const report = (await sinks.close())['securityhub']!;
    const calls = Math.ceil(eligible.length / 100);
    expect(callTimes).toHaveLength(calls);
    expect(report.failed).toBe(calls);
    expect(report.delivered).toBe(eligible.length - calls);
    expect(report.spooled).toBe(0);
    expect(report.rejections[0]).toMatchObject({ code: 'InvalidInput', message: 'Finding does not adhere to ASFF' });
    expect(report.rejections[0]!.id).toMatch(/^dutyscan\//);
    // The SDK serialises only the members its model knows: every attribute we set must survive.
    const byId = new Map(eligible.map((f) => { const a = toAsff(f, { defaultRegion: 'eu-west-1' })!; return [a.Id, a]; }));
    expect(imported).toHaveLength(eligible.length);
    for (const a of imported) expect(a).toEqual(byId.get(a['Id'] as string));
    // 10 TPS with 4 workers: arrivals jitter with the machine's load (the pacer itself is tested
    // below), so the receiver checks the rate over 1 s windows, well within the API's burst of 30.
    const sorted = [...callTimes].sort((a, b) => a - b);
    expect(sorted.length).toBeGreaterThan(10);
    for (const t of sorted) expect(sorted.filter((u) => u >= t && u < t + 1000).length).toBeLessThanOrEqual(15);
  }, 30_000);

  it('a denied call is not retried and the batch is spooled', async () => {
    fake = await new FakeReceiver((_req, res) =>
      json(res, 403, { message: 'not authorized to perform securityhub:BatchImportFindings' }, { 'x-amzn-errortype': 'AccessDeniedException' }),
    ).start();
    const cfg = sinksSchema.parse([{ type: 'securityhub', region: 'eu-west-1', endpoint: fake.url, retry: { attempts: 5, initialDelayMs: 5, maxDelayMs: 5 }, spool: { dir: tempDir('spool') } }]);
    const sinks = new SinkSet(createSinks(cfg, { securityHubClient: { credentials } }));
    const findings = manyFindings(30).filter((f) => f.resource.provider === 'aws' && f.status !== 'NOT_APPLICABLE');
    for (const f of findings) sinks.write(f);
    expect((await sinks.close())['securityhub']).toMatchObject({ delivered: 0, spooled: findings.length });
    expect(fake.requests).toHaveLength(1);
  });

  it('the pacer books call starts 1/rate apart, whatever the number of concurrent callers', async () => {
    const pacer = new CallPacer(10);
    expect(Array.from({ length: 12 }, () => pacer.reserve(1_000_000))).toEqual(Array.from({ length: 12 }, (_x, i) => i * 100));
    // Once the schedule has drained, the next call may start at once.
    expect(pacer.reserve(1_000_000 + 5_000)).toBe(0);
    const started = Date.now();
    await pacer.wait(new AbortController().signal);
    await pacer.wait(new AbortController().signal);
    expect(Date.now() - started).toBeGreaterThanOrEqual(95);
  });
});

import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatters } from '../../src/output/registry.js';
import { BASE_ACCESS_KEY, FakeAws } from '../fakes/aws/server.js';
import { richAccount, singleAccountState } from '../providers/aws/support.js';
import { expectWholeOutputs } from '../support/documents.js';

/** Distinctive values, so that any appearance anywhere is a leak and not a coincidence. */
const SECRETS = {
  awsSecretKey: 'TESTsecretKEY0do0not0leak0wJalrXUtnFEMIK7MDENG',
  awsSessionToken: 'TESTsessionTOKEN0do0not0leak0FQoGZXIvYXdzEJr',
  webhookSecret: 'TESTwebhookHMAC0do0not0leak',
  hecToken: 'TESThecTOKEN0do0not0leak-0000',
};

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((f) => join(dir, f)).filter((f) => statSync(f).isFile());
}

describe('a scan never writes credentials into its logs, outputs, evidence, spool or sink traffic', () => {
  let fake: FakeAws;
  const seenBySinks: string[] = [];
  let webhook: ReturnType<typeof createServer>;
  let run: { code: number; stdout: string; stderr: string };
  let dir: string;

  beforeAll(async () => {
    fake = await FakeAws.start(singleAccountState(richAccount()));
    webhook = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => { body += c.toString(); });
      req.on('end', () => { seenBySinks.push(JSON.stringify(req.headers), body); res.writeHead(200).end('{}'); });
    });
    await new Promise<void>((r) => webhook.listen(0, '127.0.0.1', r));
    dir = mkdtempSync(join(tmpdir(), 'dutyscan-secrets-'));
    const config = join(dir, 'dutyscan.yaml');
    writeFileSync(config, [
      'providers:',
      '  aws:',
      `    endpoint: ${fake.url}`,
      '    s3ForcePathStyle: true',
      '    regions: [us-east-1]',
      '    maxAttempts: 1',
      'sinks:',
      '  - type: webhook',
      `    url: http://127.0.0.1:${(webhook.address() as AddressInfo).port}/hook`,
      `    secret: { env: TEST_WEBHOOK_SECRET }`,
      '    flushMs: 20',
      '  - type: hec', // down: its batches, and the token, must not reach the spool
      '    url: http://127.0.0.1:9/services/collector',
      `    token: { env: TEST_HEC_TOKEN }`,
      '    flushMs: 20',
      '    closeTimeoutMs: 2000',
      '    retry: { attempts: 1, initialDelayMs: 10, maxDelayMs: 10 }',
      '    spool: { dir: spool }',
      '',
    ].join('\n'));
    const formats = [...formatters.keys()];
    try {
      const out = await promisify(execFile)(process.execPath, [
        join(import.meta.dirname, '../../bin/dutyscan.js'), 'scan', '-p', 'aws', '-c', config, '--log-level', 'trace', '-f', ...formats, '-o', join(dir, 'out'), '--evidence', join(dir, 'evidence'),
      ], {
        env: {
          PATH: process.env.PATH ?? '',
          AWS_ACCESS_KEY_ID: BASE_ACCESS_KEY,
          AWS_SECRET_ACCESS_KEY: SECRETS.awsSecretKey,
          AWS_SESSION_TOKEN: SECRETS.awsSessionToken,
          AWS_EC2_METADATA_DISABLED: 'true',
          TEST_WEBHOOK_SECRET: SECRETS.webhookSecret,
          TEST_HEC_TOKEN: SECRETS.hecToken,
        },
        maxBuffer: 256 * 1024 * 1024,
      });
      run = { code: 0, ...out };
    } catch (e) {
      run = e as typeof run;
    }
  }, 120_000);

  afterAll(async () => {
    await fake.close();
    await new Promise((r) => webhook.close(r));
  });

  it('ran for real: findings in every format, evidence, debug logs, sink traffic and a spool', () => {
    expect(run.code).toBe(5); // failing findings, and the HEC sink (down) could not take them: incomplete
    expect(filesUnder(join(dir, 'out')).length).toBe(formatters.size);
    expect(filesUnder(join(dir, 'evidence')).length).toBeGreaterThan(10);
    expect(run.stderr.split('\n').filter(Boolean).length).toBeGreaterThan(10);
    expect(seenBySinks.length).toBeGreaterThan(0);
    expect(filesUnder(join(dir, 'spool')).length).toBeGreaterThan(0);
  });

  it('every output file of the live, concurrent scan is whole', () => {
    expect(run.stderr).not.toContain('MaxListenersExceededWarning');
    expectWholeOutputs(join(dir, 'out'));
  });

  it('no secret appears anywhere', () => {
    const texts: [string, string][] = [
      ['stdout', run.stdout],
      ['stderr (logs)', run.stderr],
      ['webhook traffic', seenBySinks.join('\n')],
      ...filesUnder(join(dir, 'out')).map((f) => [f, readFileSync(f, 'utf8')] as [string, string]),
      ...filesUnder(join(dir, 'spool')).map((f) => [f, readFileSync(f, 'utf8')] as [string, string]),
      ...filesUnder(join(dir, 'evidence')).map((f) => [f, readFileSync(f, 'utf8')] as [string, string]),
    ];
    for (const [where, text] of texts) {
      for (const [name, secret] of Object.entries(SECRETS)) expect(text.includes(secret), `${name} in ${where}`).toBe(false);
    }
  });
});

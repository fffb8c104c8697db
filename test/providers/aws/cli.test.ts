import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Finding } from '../../../src/core/finding.js';
import type { ScanSummary } from '../../../src/core/summary.js';
import { main } from '../../../src/cli/main.js';
import { FakeAws, richAccount, singleAccountState, useFakeCredentials } from './support.js';

let fake: FakeAws | undefined;
const savedEnv = { ...process.env };
afterEach(async () => {
  process.env = { ...savedEnv };
  await fake?.close();
  fake = undefined;
});

async function scan(configYaml: string): Promise<{ code: number; doc: { scan: ScanSummary; findings: Finding[] } }> {
  const dir = mkdtempSync(join(tmpdir(), 'dutyscan-aws-cli-'));
  writeFileSync(join(dir, 'dutyscan.yaml'), configYaml);
  const out = join(dir, 'out');
  const code = await main(['node', 'dutyscan', 'scan', '-p', 'aws', '-c', join(dir, 'dutyscan.yaml'), '-f', 'json', '-o', out, '--no-progress', '--log-level', 'silent']);
  const file = readdirSync(out).find((f) => f.endsWith('.json'))!;
  return { code, doc: JSON.parse(readFileSync(join(out, file), 'utf8')) as { scan: ScanSummary; findings: Finding[] } };
}

describe('dutyscan scan -p aws against the AWS fake', () => {
  it('scans through the config file, with the adapter built from providers.aws', async () => {
    fake = await FakeAws.start(singleAccountState(richAccount()));
    useFakeCredentials();
    const { code, doc } = await scan(`providers:\n  aws:\n    endpoint: ${fake.url}\n    s3ForcePathStyle: true\n    regions: [us-east-1]\n    maxAttempts: 1\n`);
    expect(code).toBe(3); // duties violated, scan complete
    expect(doc.scan.counts.byStatus.ERROR).toBe(0);
    expect(doc.scan.accounts.map((a) => a.account)).toEqual(['111111111111']);
    expect(doc.findings.some((f) => f.status === 'FAIL' && f.resource.name === 'bare-bucket')).toBe(true);
    expect(doc.scan.apiCalls.aws?.s3?.GetBucketEncryption).toBe(2);
  });

  it('reports a missing permission as ERROR findings naming the operation, the rest evaluated', async () => {
    fake = await FakeAws.start(singleAccountState(richAccount()));
    fake.fault({ service: 'ec2', operation: 'DescribeInstances', code: 'UnauthorizedOperation', status: 403 });
    useFakeCredentials();
    const { code, doc } = await scan(`providers:\n  aws:\n    endpoint: ${fake.url}\n    s3ForcePathStyle: true\n    regions: [us-east-1]\n    maxAttempts: 1\n`);
    expect(code).toBe(5); // failing findings, and an incomplete picture
    expect(doc.scan.counts.byStatus.ERROR).toBeGreaterThan(0);
    const errors = doc.findings.filter((f) => f.status === 'ERROR');
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.every((f) => f.error?.operation === 'ec2:DescribeInstances' && f.error.code === 'ACCESS_DENIED')).toBe(true);
  });
});

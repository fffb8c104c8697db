/**
 * The built CLI scanning the AWS wire fake as a user runs it, with no required tags in the config:
 * the requirement comes from the account's effective Organizations tag policy, the findings say so,
 * and without a tag policy the tagging duty is NOT_ASSESSED, never a clean pass.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { Finding } from '../../src/core/finding.js';
import { BASE_CREDENTIALS } from '../fakes/aws/server.js';
import { FakeAws, richAccount, singleAccountState } from '../providers/aws/support.js';

const bin = join(import.meta.dirname, '../../bin/dutyscan.js');
const dir = mkdtempSync(join(tmpdir(), 'dutyscan-aws-tag-policy-'));
let fake: FakeAws | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function dutyscan(url: string): Promise<{ code: number; findings: Finding[] }> {
  const config = join(dir, 'dutyscan.yaml');
  writeFileSync(config, `providers:\n  aws:\n    endpoint: ${url}\n    s3ForcePathStyle: true\n    regions: [us-east-1]\n    maxAttempts: 1\n`);
  const { AWS_SESSION_TOKEN: _token, AWS_PROFILE: _profile, ...inherited } = process.env;
  const env = {
    ...inherited, AWS_ACCESS_KEY_ID: BASE_CREDENTIALS.accessKeyId, AWS_SECRET_ACCESS_KEY: BASE_CREDENTIALS.secretAccessKey,
    AWS_EC2_METADATA_DISABLED: 'true', NODE_NO_WARNINGS: '1',
  };
  const argv = [bin, 'scan', '-p', 'aws', '-c', config, '-f', 'json', '--no-progress', '--checks', 'aws-tagging-resource-required-tags', 'aws-s3-bucket-required-tags'];
  const result = await promisify(execFile)(process.execPath, argv, { env, maxBuffer: 64 * 1024 * 1024 }).then(
    (r) => ({ code: 0, ...r }),
    (e: { code: number; stdout: string }) => ({ code: e.code, stdout: e.stdout }),
  );
  return { code: result.code, findings: (JSON.parse(result.stdout) as { findings: Finding[] }).findings };
}

function account(withPolicy: boolean) {
  const a = richAccount();
  a.tagged = { 'us-east-1': [
    { ResourceARN: `arn:aws:lambda:us-east-1:${a.id}:function:orders`, Tags: [{ Key: 'CostCenter', Value: '100' }] },
    { ResourceARN: `arn:aws:lambda:us-east-1:${a.id}:function:scratch`, Tags: [] },
  ] };
  if (withPolicy) a.tagPolicy = JSON.stringify({ tags: { costcenter: { tag_key: 'CostCenter', report_required_tag_for: ['lambda:function', 's3:bucket'] } } });
  return a;
}

describe('dutyscan scan -p aws with no required tags in the config', () => {
  it('judges by the account\'s effective tag policy and names it as the source', async () => {
    fake = await FakeAws.start(singleAccountState(account(true)));
    const { code, findings } = await dutyscan(fake.url);
    expect(code).toBe(3); // duties violated, scan complete
    const tables = findings.filter((f) => f.check.id === 'aws-tagging-resource-required-tags').map((f) => [f.resource.name, f.status, f.evidence?.['requirementSource']]);
    expect(tables).toEqual([
      ['orders', 'PASS', ['organizations:effective-tag-policy/111111111111']],
      ['scratch', 'FAIL', ['organizations:effective-tag-policy/111111111111']],
    ]);
    expect(findings.filter((f) => f.check.id === 'aws-s3-bucket-required-tags').every((f) => f.status === 'FAIL')).toBe(true);
  }, 120_000);

  it('without a tag policy either, the tagging duty is NOT_ASSESSED, never a clean pass', async () => {
    fake = await FakeAws.start(singleAccountState(account(false)));
    const { findings } = await dutyscan(fake.url);
    const judged = findings.filter((f) => f.resource.type !== 'aws.scope');
    expect(judged.length).toBeGreaterThan(2);
    expect(new Set(judged.map((f) => f.status))).toEqual(new Set(['NOT_ASSESSED']));
  }, 120_000);
});

import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { BASE_CREDENTIALS } from '../fakes/aws/server.js';
import { FakeAws, richAccount } from '../providers/aws/support.js';
import { tempDir } from '../sinks/support.js';

const bin = join(import.meta.dirname, '../../bin/dutyscan.js');
const SDK = /\/node_modules\/(@aws-sdk|@azure|@google-cloud|@googleapis)\/[^/]+/;

/**
 * Runs the built CLI with a module hook that records every module Node resolves, and returns the
 * cloud SDK packages among them (`@aws-sdk/client-sts`, ...), and whether commander was seen (the
 * trace itself works).
 */
async function sdksLoadedBy(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ sdks: string[]; commander: boolean }> {
  const dir = tempDir('lazy-load');
  const trace = join(dir, 'resolved.txt');
  writeFileSync(trace, '');
  writeFileSync(join(dir, 'hooks.mjs'), `import { appendFileSync } from 'node:fs';
export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  appendFileSync(${JSON.stringify(trace)}, resolved.url + '\\n');
  return resolved;
}
`);
  writeFileSync(join(dir, 'register.mjs'), `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(join(dir, 'hooks.mjs')).href)});\n`);
  await promisify(execFile)(process.execPath, ['--import', pathToFileURL(join(dir, 'register.mjs')).href, bin, ...args], { env: { ...process.env, ...env }, maxBuffer: 64 * 2 ** 20 })
    .catch((e: { code?: unknown }) => { if (typeof e.code !== 'number') throw e; });
  const urls = readFileSync(trace, 'utf8').split('\n');
  const sdks = [...new Set(urls.map((u) => SDK.exec(u)?.[0].replace('/node_modules/', '')).filter((p): p is string => p !== undefined))].sort();
  return { sdks, commander: urls.some((u) => u.includes('/node_modules/commander/')) };
}

describe('the CLI loads a cloud SDK only for a provider it scans', () => {
  it('--version loads no cloud SDK (and not even the command line parser)', async () => {
    expect(await sdksLoadedBy(['--version'])).toEqual({ sdks: [], commander: false });
  });

  it.each([[['--help']], [['scan', '--help']], [['scan', '--demo', '--format', 'json']]])('%j loads no cloud SDK', async (args) => {
    expect(await sdksLoadedBy(args)).toEqual({ sdks: [], commander: true });
  });

  it('an AWS scan loads AWS SDK clients and none of Azure or Google Cloud', async () => {
    // Every call is refused at once (nothing listens on port 9): the clients are built, and it ends quickly.
    const config = join(tempDir('lazy-load-aws'), 'dutyscan.yaml');
    writeFileSync(config, 'providers:\n  aws:\n    endpoint: http://127.0.0.1:9\n    regions: [us-east-1]\n    maxAttempts: 1\n');
    const { sdks } = await sdksLoadedBy(['scan', '-p', 'aws', '-c', config], {
      AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE',
      AWS_SECRET_ACCESS_KEY: 'not-a-secret',
      AWS_EC2_METADATA_DISABLED: 'true',
    });
    expect(sdks).toContain('@aws-sdk/client-sts');
    expect(sdks.filter((p) => !p.startsWith('@aws-sdk/'))).toEqual([]);
  });

  it('an AWS scan loads the SDK of each service its checks read, and no other', async () => {
    const fake = await FakeAws.start({ callerAccount: '111111111111', accounts: new Map([['111111111111', richAccount('111111111111')]]) });
    try {
      const config = join(tempDir('lazy-load-aws-iam'), 'dutyscan.yaml');
      writeFileSync(config, `providers:\n  aws:\n    endpoint: ${fake.url}\n    s3ForcePathStyle: true\n    regions: [us-east-1]\n    maxAttempts: 1\n`);
      const { sdks } = await sdksLoadedBy(['scan', '-p', 'aws', '-c', config, '--checks', 'aws-iam-*', 'aws-kms-*', '--no-progress'], {
        AWS_ACCESS_KEY_ID: BASE_CREDENTIALS.accessKeyId, AWS_SECRET_ACCESS_KEY: BASE_CREDENTIALS.secretAccessKey, AWS_EC2_METADATA_DISABLED: 'true',
      });
      // The IAM and KMS checks were judged (the scan got that far), and Discovery's SDKs (STS,
      // Organizations, EC2 for the regions), IAM's and KMS's were loaded: none of the 25 others.
      expect(fake.count('iam', 'GetAccountAuthorizationDetails')).toBe(1);
      expect(fake.count('kms', 'ListKeys')).toBe(1);
    // Discovery's (STS, Organizations, EC2 for the regions), IAM's and KMS's: none of the 25 others.
      expect(sdks.filter((p) => p.startsWith('@aws-sdk/client-'))).toEqual(
        ['@aws-sdk/client-ec2', '@aws-sdk/client-iam', '@aws-sdk/client-kms', '@aws-sdk/client-organizations', '@aws-sdk/client-sts']);
    } finally {
      await fake.close();
    }
  }, 60_000);
});

import { generateKeyPairSync } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../src/core/finding.js';
import type { ScanSummary } from '../../src/core/summary.js';
import type { EvidenceDocument } from '../../src/evidence/document.js';
import type { Manifest } from '../../src/evidence/manifest.js';
import { BASE_ACCESS_KEY, BASE_CREDENTIALS, FakeAws } from '../fakes/aws/server.js';
import { richAccount, singleAccountState } from '../providers/aws/support.js';
import { dutyscan as runCli, type Run as CliRun } from '../support/cli.js';

const work = mkdtempSync(join(tmpdir(), 'dutyscan-evidence-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** An Ed25519 key pair as PEM files, made here so that no key is checked in. */
function keyPair(name: string): { privateKey: string; publicKey: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const files = { privateKey: join(work, `${name}.pem`), publicKey: join(work, `${name}.pub.pem`) };
  writeFileSync(files.privateKey, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
  writeFileSync(files.publicKey, publicKey.export({ type: 'spki', format: 'pem' }));
  return files;
}

const json = <T>(path: string): T => JSON.parse(readFileSync(path, 'utf8')) as T;
const manifestOf = (dir: string) => json<Manifest>(join(dir, 'manifest.json'));
const evidenceOf = (dir: string, findingId: string) => json<EvidenceDocument>(join(dir, 'findings', `${findingId}.json`));
const entryFor = (dir: string, check: string, resource: string) => {
  const entry = manifestOf(dir).files.find((f) => f.finding?.check === check && f.finding.resource === resource);
  if (!entry) throw new Error(`no evidence for ${check} on ${resource}`);
  return entry;
};
/** A copy of the pristine evidence to damage. */
let copies = 0;
const copyOf = (dir: string) => {
  const copy = join(work, `copy-${copies++}`);
  cpSync(dir, copy, { recursive: true });
  return copy;
};

describe('scan --demo --evidence DIR --sign-key FILE, then evidence verify', () => {
  const key = keyPair('signer');
  const other = keyPair('other');
  const dir = join(work, 'demo');
  let scan: CliRun;

  beforeAll(async () => {
    scan = await runCli(['scan', '--demo', '--no-progress', '--evidence', dir, '--sign-key', key.privateKey]);
  }, 60_000);

  it('writes one owner-only evidence file per finding, the scan document and a signed manifest', () => {
    expect(scan.code, scan.stderr).toBe(5); // the demo fails duties and was denied facts: evidence changes no exit code
    expect(scan.stderr).toMatch(/wrote evidence .* \(\d+ findings, \d+ bytes, manifest signed by Ed25519 key sha256:[0-9a-f]{64}\)/);
    const summary = json<ScanSummary>(join(dir, 'scan.json'));
    const manifest = manifestOf(dir);
    const findingFiles = readdirSync(join(dir, 'findings'));
    expect(findingFiles).toHaveLength(summary.findings);
    expect(manifest.scan.id).toBe(summary.id);
    expect(manifest.files.map((f) => f.path).sort()).toEqual(['scan.json', ...findingFiles.map((f) => `findings/${f}`)].sort());
    expect(manifest.signature?.algorithm).toBe('ed25519');
    for (const name of findingFiles) expect(evidenceOf(dir, name.replace(/\.json$/, '')).finding.id).toBe(name.replace(/\.json$/, ''));
    for (const d of [dir, join(dir, 'findings')]) expect(statSync(d).mode & 0o777).toBe(0o700);
    for (const f of ['scan.json', 'manifest.json', 'manifest.sig', `findings/${findingFiles[0]}`]) expect(statSync(join(dir, f)).mode & 0o777).toBe(0o600);
  });

  it('holds the facts that decided each finding, as the check read them', () => {
    const bob = evidenceOf(dir, entryFor(dir, 'aws-iam-user-console-mfa-enabled', 'arn:aws:iam::111111111111:user/bob').finding!.id);
    expect(bob.finding.status).toBe('FAIL');
    expect(bob.listings).toEqual([{ type: 'aws.iam.user', scope: { provider: 'aws', account: '111111111111', region: 'global' }, count: 3 }]);
    // Only what the check read: the credential report row, not the user's policies or groups.
    expect(bob.facts).toEqual([expect.objectContaining({
      resource: 'arn:aws:iam::111111111111:user/bob', field: 'data.credentials', from: 'call',
      value: expect.objectContaining({ passwordEnabled: true, mfaActive: false }),
    })]);
    // A fact that came with the listing says so.
    const trail = evidenceOf(dir, entryFor(dir, 'aws-cloudtrail-multi-region-trail-logging', 'aws:222222222222/eu-west-1').finding!.id);
    expect(trail.facts).toContainEqual({ resource: 'arn:aws:cloudtrail:eu-west-1:222222222222:trail/dp-trail', field: 'data.isMultiRegionTrail', from: 'listing', value: false });
    const instance = 'arn:aws:ec2:eu-west-1:333333333333:instance/i-0sandboxtest0001';
    const untagged = evidenceOf(dir, entryFor(dir, 'aws-ec2-instance-required-tags', instance).finding!.id);
    expect(untagged.finding.status).toBe('FAIL');
    expect(untagged.facts).toEqual([{ resource: instance, field: 'tags', from: 'listing', value: {} }]);
    // Findings carry the resource reference, never the collected data.
    expect(Object.keys(bob.finding.resource).sort()).toEqual(['account', 'accountName', 'id', 'name', 'provider', 'region', 'tags', 'type']);
  });

  it('records without changing a verdict: the findings equal those of a scan without --evidence', async () => {
    const plain = await runCli(['scan', '--demo', '--no-progress', '-f', 'jsonl']);
    // The demo's dates are relative to the time of each run.
    const comparable = (f: Finding) => JSON.stringify(f).replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z/g, '<time>');
    const withEvidence = readdirSync(join(dir, 'findings')).map((n) => comparable(json<EvidenceDocument>(join(dir, 'findings', n)).finding));
    const without = plain.stdout.trim().split('\n').map((l) => comparable(JSON.parse(l) as Finding));
    expect(withEvidence.length).toBeGreaterThan(500);
    expect(withEvidence.sort()).toEqual(without.sort());
  }, 60_000);

  it('verifies intact evidence with the signer\'s public key (exit 0)', async () => {
    const v = await runCli(['evidence', 'verify', dir, '--public-key', key.publicKey]);
    expect(v.code, v.stdout + v.stderr).toBe(0);
    expect(v.stdout).toMatch(/signature: valid \(Ed25519 key sha256:[0-9a-f]{64}\)/);
    expect(v.stdout).toContain('verification OK');
  });

  it('without --public-key checks every hash and calls the signature unverified, not valid', async () => {
    const v = await runCli(['evidence', 'verify', dir]);
    expect(v.code).toBe(0);
    expect(v.stdout).toContain('signature: present but NOT verified');
    expect(v.stdout).not.toMatch(/signature: valid/);
  });

  it('names the finding whose evidence was altered (exit 6)', async () => {
    const copy = copyOf(dir);
    const entry = entryFor(copy, 'aws-iam-user-console-mfa-enabled', 'arn:aws:iam::111111111111:user/bob');
    const file = join(copy, entry.path);
    writeFileSync(file, readFileSync(file, 'utf8').replace('"mfaActive": false', '"mfaActive": true'));
    const v = await runCli(['evidence', 'verify', copy, '--public-key', key.publicKey]);
    expect(v.code).toBe(6);
    expect(v.stdout).toContain(`ALTERED  ${entry.path}  aws-iam-user-console-mfa-enabled on arn:aws:iam::111111111111:user/bob (FAIL, finding ${entry.finding!.id})`);
    expect(v.stdout).toContain('verification FAILED: 1 altered, 0 added, 0 removed, signature valid');
  });

  it('names evidence added for a finding the scan never had', async () => {
    const copy = copyOf(dir);
    const entry = entryFor(copy, 'aws-iam-user-console-mfa-enabled', 'arn:aws:iam::111111111111:user/bob');
    const forged = evidenceOf(copy, entry.finding!.id);
    const id = 'f'.repeat(32);
    writeFileSync(join(copy, 'findings', `${id}.json`), JSON.stringify({ ...forged, finding: { ...forged.finding, id, status: 'PASS' } }));
    const v = await runCli(['evidence', 'verify', copy, '--public-key', key.publicKey]);
    expect(v.code).toBe(6);
    expect(v.stdout).toContain(`ADDED    findings/${id}.json  aws-iam-user-console-mfa-enabled on arn:aws:iam::111111111111:user/bob (PASS, finding ${id})`);
  });

  it('names the finding whose evidence was removed', async () => {
    const copy = copyOf(dir);
    const entry = entryFor(copy, 'aws-cloudtrail-multi-region-trail-logging', 'aws:222222222222/eu-west-1');
    unlinkSync(join(copy, entry.path));
    const v = await runCli(['evidence', 'verify', copy]);
    expect(v.code).toBe(6);
    expect(v.stdout).toContain(`REMOVED  ${entry.path}  aws-cloudtrail-multi-region-trail-logging on aws:222222222222/eu-west-1 (FAIL, finding ${entry.finding!.id})`);
  });

  it('calls the signature invalid for another key, naming both keys', async () => {
    const v = await runCli(['evidence', 'verify', dir, '--public-key', other.publicKey]);
    expect(v.code).toBe(6);
    expect(v.stdout).toMatch(/signature: INVALID: the manifest names key sha256:[0-9a-f]{64} as its signer, not the given key sha256:[0-9a-f]{64}/);
  });

  it('catches a manifest rewritten to match altered evidence: the hashes agree, the signature does not', async () => {
    const copy = copyOf(dir);
    const entry = entryFor(copy, 'aws-iam-user-console-mfa-enabled', 'arn:aws:iam::111111111111:user/bob');
    const file = join(copy, entry.path);
    const altered = readFileSync(file, 'utf8').replace('"mfaActive": false', '"mfaActive": true');
    writeFileSync(file, altered);
    const { createHash } = await import('node:crypto');
    const manifestFile = join(copy, 'manifest.json');
    writeFileSync(manifestFile, readFileSync(manifestFile, 'utf8').replace(entry.sha256, createHash('sha256').update(altered).digest('hex')));
    const v = await runCli(['evidence', 'verify', copy, '--public-key', key.publicKey]);
    expect(v.code).toBe(6);
    expect(v.stdout).toContain('0 altered, 0 added, 0 removed');
    expect(v.stdout).toContain('signature: INVALID for key');
  });

  it('treats a removed signature as missing, with or without a public key', async () => {
    const copy = copyOf(dir);
    unlinkSync(join(copy, 'manifest.sig'));
    for (const args of [[], ['--public-key', key.publicKey]]) {
      const v = await runCli(['evidence', 'verify', copy, ...args]);
      expect(v.code).toBe(6);
      expect(v.stdout).toContain('signature: MISSING');
      expect(v.stdout).not.toContain('REMOVED'); // the signature is not evidence of a finding
    }
  });

  it('a missing manifest fails verification', async () => {
    const copy = copyOf(dir);
    unlinkSync(join(copy, 'manifest.json'));
    const v = await runCli(['evidence', 'verify', copy]);
    expect(v.code).toBe(6);
    expect(v.stdout).toContain('manifest.json is missing');
  });

  it('user mistakes exit 2 before any scan: a non-empty directory, an RSA key, --sign-key alone, no directory to verify', async () => {
    const rsa = join(work, 'rsa.pem');
    writeFileSync(rsa, generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs8', format: 'pem' }));
    const cases: [string[], RegExp][] = [
      [['scan', '--demo', '--evidence', dir], /--evidence: .* is not empty/],
      [['scan', '--demo', '--evidence', join(work, 'rsa-evidence'), '--sign-key', rsa], /--sign-key: .*an Ed25519 key is expected, this is rsa/],
      [['scan', '--demo', '--sign-key', key.privateKey], /--sign-key signs the evidence manifest: it needs --evidence DIR/],
      [['evidence', 'verify', join(work, 'nowhere')], /is not a directory/],
      [['evidence', 'verify', dir, '--public-key', rsa], /--public-key: .*an Ed25519 key is expected/],
    ];
    for (const [args, message] of cases) {
      const r = await runCli(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(message);
    }
    expect(() => statSync(join(work, 'rsa-evidence'))).toThrow();
  }, 60_000);
});

describe('scan --evidence against the AWS fake: the operation and request id of every fact', () => {
  let fake: FakeAws;
  const dir = join(work, 'live');
  let scan: CliRun;

  beforeAll(async () => {
    fake = await FakeAws.start(singleAccountState(richAccount()));
    const config = join(work, 'live.yaml');
    writeFileSync(config, `providers:\n  aws:\n    endpoint: ${fake.url}\n    s3ForcePathStyle: true\n    regions: [us-east-1]\n    maxAttempts: 1\n`);
    scan = await runCli(['scan', '-p', 'aws', '-c', config, '--no-progress', '--evidence', dir, '--save-inventory', join(work, 'live.jsonl')], {
      inheritEnv: false,
      env: {
        PATH: process.env.PATH ?? '',
        AWS_ACCESS_KEY_ID: BASE_ACCESS_KEY,
        AWS_SECRET_ACCESS_KEY: BASE_CREDENTIALS.secretAccessKey,
        AWS_EC2_METADATA_DISABLED: 'true',
      },
    });
  }, 120_000);
  afterAll(async () => {
    await fake.close();
  });

  it('records the call, its request id and when it answered, for each fact read', () => {
    expect(scan.code, scan.stderr).toBe(3);
    const summary = json<ScanSummary>(join(dir, 'scan.json'));
    const bare = evidenceOf(dir, entryFor(dir, 'aws-s3-bucket-default-encryption-enabled', 'arn:aws:s3:::bare-bucket').finding!.id);
    expect(bare.finding.status).toBe('FAIL');
    // "No default encryption" is the API's answer (an error response S3 names like any other request).
    expect(bare.facts).toEqual([{
      resource: 'arn:aws:s3:::bare-bucket', field: 'data.encryption', from: 'call', value: null,
      operation: 's3:GetBucketEncryption', requestId: expect.stringMatching(/^[0-9a-f-]{36}$/), observedAt: expect.any(String),
    }]);
    const observedAt = Date.parse(bare.facts[0]!.observedAt!);
    expect(observedAt).toBeGreaterThanOrEqual(Date.parse(summary.startedAt));
    expect(observedAt).toBeLessThanOrEqual(Date.parse(summary.finishedAt));
    expect(bare.listings).toEqual([expect.objectContaining({ type: 'aws.s3.bucket', count: 2, operation: 's3:ListBuckets', observedAt: expect.any(String) })]);

    const logs = evidenceOf(dir, entryFor(dir, 'aws-s3-bucket-default-encryption-enabled', 'arn:aws:s3:::logs-bucket').finding!.id);
    expect(logs.facts).toEqual([expect.objectContaining({ field: 'data.encryption', operation: 's3:GetBucketEncryption', requestId: expect.stringMatching(/^[0-9a-f-]{36}$/), value: expect.objectContaining({ sseAlgorithm: 'aws:kms' }) })]);
    expect(logs.facts[0]!.requestId).not.toBe(bare.facts[0]!.requestId);
  });

  it('names only operations the scan made: every fact\'s call is in the scan\'s API call counts', () => {
    const summary = json<ScanSummary>(join(dir, 'scan.json'));
    const operations = new Set<string>();
    for (const name of readdirSync(join(dir, 'findings'))) {
      const doc = json<EvidenceDocument>(join(dir, 'findings', name));
      for (const fact of [...doc.facts, ...doc.listings]) if (fact.operation) operations.add(fact.operation);
    }
    expect(operations.size).toBeGreaterThan(10);
    for (const op of operations) {
      const [service, operation] = op.split(':') as [string, string];
      expect(summary.apiCalls.aws?.[service]?.[operation], op).toBeGreaterThan(0);
    }
  });

  it('keeps the provenance through a saved inventory evaluated later', async () => {
    const offline = join(work, 'offline');
    const run = await runCli(['scan', '--inventory', join(work, 'live.jsonl'), '--no-progress', '--evidence', offline]);
    expect(run.code, run.stderr).toBe(3);
    const id = entryFor(dir, 'aws-s3-bucket-default-encryption-enabled', 'arn:aws:s3:::bare-bucket').finding!.id;
    expect(evidenceOf(offline, id).facts).toEqual(evidenceOf(dir, id).facts);
    expect(json<ScanSummary>(join(offline, 'scan.json')).source).toBe('inventory');
  }, 60_000);

  it('verifies as written, unsigned', async () => {
    const v = await runCli(['evidence', 'verify', dir]);
    expect(v.code, v.stdout).toBe(0);
    expect(v.stdout).toContain('signature: none (the manifest is not signed)');
  });
});

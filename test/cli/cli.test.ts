import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../src/core/finding.js';
import type { ScanSummary } from '../../src/core/summary.js';
import { DEFAULT_POLICY } from '../../src/core/policy.js';
import { demoPolicy } from '../../src/demo/index.js';

const bin = join(import.meta.dirname, '../../bin/dutyscan.js');
const run = async (args: string[], env: Record<string, string> = {}) => {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [bin, ...args], { env: { ...process.env, ...env }, maxBuffer: 256 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
};
const dir = mkdtempSync(join(tmpdir(), 'dutyscan-cli-'));

describe('dutyscan scan --demo (the README quick start)', () => {
  let doc: { scan: ScanSummary; findings: Finding[] };
  let code: number;

  beforeAll(async () => {
    const result = await run(['scan', '--demo', '--format', 'json']);
    code = result.code;
    doc = JSON.parse(result.stdout) as typeof doc;
  });

  it('exits 5: duties are violated and denied facts leave the picture incomplete', () => {
    expect(code).toBe(5);
  });

  it('writes the JSON document with the summary and every finding', () => {
    expect(doc.scan).toMatchObject({ source: 'demo', tool: { name: 'dutyscan' }, contract: { id: 'iaas-customer-duties' } });
    expect(doc.findings.length).toBe(doc.scan.findings);
    const counts = doc.scan.counts.byStatus;
    expect(counts.PASS + counts.FAIL + counts.ERROR + counts.NOT_APPLICABLE + doc.scan.counts.muted).toBeGreaterThanOrEqual(doc.findings.length);
    for (const f of doc.findings) {
      expect(f).toMatchObject({ id: expect.stringMatching(/^[0-9a-f]{32}$/), status: expect.any(String), muted: expect.any(Boolean), severity: expect.any(String), check: { id: expect.any(String), title: expect.any(String), duty: expect.any(String) } });
      expect(f.resource).toMatchObject({ id: expect.any(String), type: expect.any(String), provider: expect.any(String), account: expect.any(String), region: expect.any(String), tags: expect.any(Object) });
      expect(f.remediation.text).toBeTruthy();
      expect(f.obligations.length).toBeGreaterThan(0);
    }
  });

  it('fails every core duty on every provider it covers, each mapped to obligations and clauses', () => {
    const failing = doc.findings.filter((f) => f.status === 'FAIL');
    for (const duty of ['mfa', 'credentials', 'least-privilege', 'encryption-at-rest', 'network-exposure', 'backups', 'tagging', 'logging']) {
      expect(failing.some((f) => f.check.duty === duty), `no FAIL for ${duty}`).toBe(true);
    }
    for (const provider of ['aws', 'azure', 'gcp']) expect(failing.some((f) => f.resource.provider === provider), provider).toBe(true);
    expect(failing.every((f) => f.obligations.some((o) => o.clauses.length > 0))).toBe(true);
  });

  it('shows ERROR for the fact the demo could not collect, and says the picture is incomplete', () => {
    const errors = doc.findings.filter((f) => f.status === 'ERROR');
    expect(errors.length).toBeGreaterThan(0);
    for (const e of errors) expect(e.error).toMatchObject({ code: expect.any(String), operation: expect.any(String), origin: 'collection' });
    expect(doc.scan.complete).toBe(false);
    expect(doc.scan.errors.length).toBeGreaterThan(0);
  });

  it('gives every finding the same id on every run', async () => {
    const again = JSON.parse((await run(['scan', '--demo', '--format', 'json'])).stdout) as typeof doc;
    expect(again.findings.map((f) => f.id).sort()).toEqual(doc.findings.map((f) => f.id).sort());
  });

  it('maps findings to the clauses of the Chinese agreement with --contract', async () => {
    const cn = JSON.parse((await run(['scan', '--demo', '--format', 'json', '--contract', 'cn-cloud-security-2026'])).stdout) as typeof doc;
    expect(cn.scan.clauses.map((c) => c.clause)).toEqual(['2.2.1', '2.2.2']);
    const clauses = new Set(cn.findings.flatMap((f) => f.obligations.flatMap((o) => o.clauses)));
    expect(clauses).toEqual(new Set(['2.2.1', '2.2.2']));
  });

  it('writes one file per format with --output-dir, and jsonl has one finding per line', async () => {
    const out = join(dir, 'reports');
    const result = await run(['scan', '--demo', '--format', 'json', 'jsonl', '--output-dir', out]);
    expect(result.code).toBe(5);
    const files = readdirSync(out);
    const jsonl = readFileSync(join(out, files.find((f) => f.endsWith('.jsonl'))!), 'utf8').trim().split('\n');
    expect(jsonl.length).toBe(doc.findings.length);
    expect(JSON.parse(jsonl[0]!)).toHaveProperty('check.id');
  });

  it('re-evaluates a saved inventory offline with the same verdicts', async () => {
    const inventory = join(dir, 'demo.inventory.jsonl');
    await run(['scan', '--demo', '--format', 'json', '--save-inventory', inventory]);
    // The demo brings its own policy (tags, regions); an inventory run gets it from a config file.
    const config = join(dir, 'demo-policy.json');
    writeFileSync(config, JSON.stringify({ policy: demoPolicy(DEFAULT_POLICY) }));
    const offline = JSON.parse((await run(['scan', '--inventory', inventory, '--format', 'json', '--config', config])).stdout) as typeof doc;
    const verdicts = (d: typeof doc) => d.findings.map((f) => `${f.id}:${f.status}`).sort();
    expect(verdicts(offline)).toEqual(verdicts(doc));
    expect(offline.scan.source).toBe('inventory');
  });

  it('narrows by duty and severity, and exits 0 when nothing at or above --fail-on fails', async () => {
    const r = await run(['scan', '--demo', '--format', 'json', '--duty', 'mfa', '--fail-on', 'critical', '--provider', 'aws']);
    const d = JSON.parse(r.stdout) as typeof doc;
    expect(d.findings.every((f) => f.check.duty === 'mfa' && f.resource.provider === 'aws')).toBe(true);
    const criticalFails = d.scan.counts.failBySeverity.critical;
    expect(r.code).toBe(criticalFails > 0 ? (d.scan.complete ? 3 : 5) : d.scan.complete ? 0 : 4);
  });

  it('mutes with a reason, and keeps muted findings in the output', async () => {
    const failing = doc.findings.find((f) => f.status === 'FAIL')!;
    const config = join(dir, 'mute.yaml');
    writeFileSync(config, `mutelist:\n  - check: ${failing.check.id}\n    resource: "${failing.resource.id}"\n    reason: accepted for the demo\n    owner: qa\n`);
    const d = JSON.parse((await run(['scan', '--demo', '--format', 'json', '--config', config])).stdout) as typeof doc;
    const muted = d.findings.find((f) => f.id === failing.id)!;
    expect(muted).toMatchObject({ status: 'FAIL', muted: true, mute: { reason: 'accepted for the demo', owner: 'qa', rule: 0 } });
    expect(d.scan.counts.muted).toBe(1);
    // The accepted exception is counted where the auditor reads the roll-up, never hidden.
    for (const o of failing.obligations) expect(d.scan.obligations.find((x) => x.id === o.id)?.acceptedExceptions).toBe(1);
    expect(doc.scan.obligations.every((o) => o.acceptedExceptions === 0)).toBe(true);
  });
});

describe('usage and configuration errors exit 2 with a clear message', () => {
  it('names file, path and line of a config mistake', async () => {
    const config = join(dir, 'bad.yaml');
    writeFileSync(config, 'concurrency:\n  acounts: 3\n');
    const r = await run(['scan', '--demo', '--config', config]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${config}:2: concurrency.acounts: unknown key "acounts" (did you mean "accounts"?)`);
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/); // no stack trace
  });

  it('rejects an unknown check, duty or severity with a suggestion', async () => {
    expect((await run(['scan', '--demo', '--checks', 'aws-iam-root-mfa-enable'])).code).toBe(2);
    const duty = await run(['scan', '--demo', '--duty', 'encryption']);
    expect(duty.code).toBe(2);
    expect(duty.stderr).toContain('unknown duty "encryption"');
    expect((await run(['scan', '--demo', '--fail-on', 'severe'])).code).toBe(2);
  });

  it('validate-config accepts the example and rejects a broken file', async () => {
    expect((await run(['validate-config', join(import.meta.dirname, '../../config/dutyscan.example.yaml')])).code).toBe(0);
    const config = join(dir, 'broken.yaml');
    writeFileSync(config, 'policy:\n  requiredTags:\n    - pattern: "("\n');
    const r = await run(['validate-config', config]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('policy.requiredTags[0].key');
  });

  it('lists and describes checks with their obligations and frameworks', async () => {
    const list = await run(['checks', 'list', '--json']);
    const checks = JSON.parse(list.stdout) as { id: string }[];
    expect(checks.length).toBeGreaterThan(70);
    const described = JSON.parse((await run(['checks', 'describe', checks[0]!.id])).stdout) as { obligations: unknown[] };
    expect(described.obligations.length).toBeGreaterThan(0);
    const obligations = JSON.parse((await run(['obligations', 'list', '--json', '--contract', 'cn-cloud-security-2026'])).stdout) as { obligations: { id: string; clauses: string[] }[] };
    expect(obligations.obligations.find((o) => o.id === 'access.mfa')?.clauses).toContain('2.2.2');
  });
});

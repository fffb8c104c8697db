import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../src/core/finding.js';
import type { ScanSummary } from '../../src/core/summary.js';
import { DEFAULT_POLICY } from '../../src/core/policy.js';
import { demoPolicy } from '../../src/demo/index.js';
import { formatters } from '../../src/output/registry.js';
import { expectWholeOutputs, outputsIn } from '../support/documents.js';

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

  it('writes one whole file per format with --output-dir, each carrying every finding', async () => {
    const out = join(dir, 'reports');
    const formats = [...formatters.keys()];
    const result = await run(['scan', '--demo', '--format', ...formats, '--output-dir', out]);
    expect(result.code).toBe(5);
    expect(result.stderr).not.toContain('MaxListenersExceededWarning');
    const outputs = outputsIn(out);
    expect([...outputs.keys()].sort()).toEqual([...formats].sort());
    expect((JSON.parse(outputs.get('json')!) as typeof doc).findings.length).toBe(doc.findings.length);
    expectWholeOutputs(out);
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

  it('never echoes a file that is not a config: an unknown key is quoted as a short prefix of key characters', async () => {
    const hash = '$6$Wq3Lg0Zt$J8v2mQ0kXo7r9YpT1bN4cE6hU5sA3dF0gH2jK7lM9nP1qR4sT6uV8wX0yZ2aB4cD6eF8gH0iJ2kL4mN6oP8q';
    const shadow = join(dir, 'shadow');
    writeFileSync(shadow, `root:${hash}:19000:0:99999:7:::\ndaemon:*:19000:0:99999:7:::\n`);
    for (const args of [['scan', '--demo', '--config', shadow], ['scan', '--demo', '--contract', shadow], ['validate-config', shadow], ['serve', '--demo', '--config', shadow]]) {
      const r = await run(args);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`${shadow}:1: root…: unknown key "root…"`);
      for (const secret of [hash, 'Wq3Lg0Zt', '19000']) expect(`${r.stdout}${r.stderr}`).not.toContain(secret);
    }
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
    const described = JSON.parse((await run(['checks', 'describe', checks[0]!.id, '--format', 'json'])).stdout) as { obligations: unknown[] };
    expect(described.obligations.length).toBeGreaterThan(0);
    const obligations = JSON.parse((await run(['obligations', 'list', '--json', '--contract', 'cn-cloud-security-2026'])).stdout) as { obligations: { id: string; clauses: string[] }[] };
    expect(obligations.obligations.find((o) => o.id === 'access.mfa')?.clauses).toContain('2.2.2');
  });
});

describe('a policy left empty reads "not assessed", never "not applicable" (the demo inventory, no policy)', () => {
  const out = join(dir, 'unjudged');
  let terminal: string;
  let code: number;
  let doc: { scan: ScanSummary; findings: Finding[] };

  beforeAll(async () => {
    // `scan --demo` fills an empty policy with the demo's own; a saved inventory evaluated without
    // a config is the same organisation judged against an empty policy.
    const inventory = join(dir, 'unjudged.inventory.jsonl');
    await run(['scan', '--demo', '--format', 'json', '--save-inventory', inventory]);
    const table = await run(['scan', '--inventory', inventory, '--no-progress']);
    terminal = table.stdout;
    code = table.code;
    await run(['scan', '--inventory', inventory, '--format', 'json', 'ocsf-json', 'contract-md', '--output-dir', out]);
    doc = JSON.parse(readFileSync(join(out, readdirSync(out).find((f) => /Z\.json$/.test(f))!), 'utf8')) as typeof doc;
  });

  it('the terminal shows the residency clause and the tagging obligation not assessed, naming what to set', () => {
    expect(terminal).toMatch(/S10 +not-assessed +Regulatory compliance and data sovereignty .*not assessed: set policy\.allowedRegions\.aws, policy\.allowedRegions\.azure, policy\.allowedRegions\.gcp/);
    expect(terminal).toMatch(/not-assessed +governance\.tagging .*not assessed: set policy\.requiredTags/);
    expect(terminal).toMatch(new RegExp(`NOT ASSESSED ${doc.scan.counts.byStatus.NOT_ASSESSED} `));
    expect(terminal).toMatch(/Not assessed: \d+ results? could not be judged because these settings are empty/);
    expect(terminal).toMatch(/ {2}policy\.requiredTags +\d+ results?/);
    expect(terminal).not.toMatch(/not-applicable +Regulatory compliance/);
  });

  it('the JSON document counts NOT_ASSESSED, and gives each finding, obligation and clause its reason', () => {
    const { scan, findings } = doc;
    const unjudged = findings.filter((f) => f.status === 'NOT_ASSESSED');
    expect(scan.counts.byStatus.NOT_ASSESSED).toBe(unjudged.length);
    expect(Object.values(scan.notAssessed).reduce((a, b) => a + b, 0)).toBe(unjudged.length);
    expect(Object.keys(scan.notAssessed)).toEqual(['policy.allowedRegions.aws', 'policy.allowedRegions.azure', 'policy.allowedRegions.gcp', 'policy.criticalResources', 'policy.requiredTags']);
    for (const f of unjudged) expect(f.message).toBe(`Not assessed: set ${f.notAssessed!.setting}`);
    // Every tagging and residency result is either not assessed or has nothing to judge; none passes or fails.
    for (const f of findings.filter((x) => x.check.duty === 'tagging' || x.check.duty === 'data-residency')) expect(['NOT_ASSESSED', 'NOT_APPLICABLE']).toContain(f.status);
    expect(scan.clauses.find((c) => c.clause === 'S10')).toMatchObject({
      status: 'not-assessed', notAssessed: ['policy.allowedRegions.aws', 'policy.allowedRegions.azure', 'policy.allowedRegions.gcp'],
    });
    expect(scan.obligations.find((o) => o.id === 'governance.tagging')).toMatchObject({ status: 'not-assessed', notAssessed: ['policy.requiredTags'] });
    // Never met while part was not assessed, and never "not applicable".
    expect(scan.obligations.filter((o) => o.notAssessed.length > 0).map((o) => o.status).filter((s) => s === 'met' || s === 'not-applicable')).toEqual([]);
    // Not assessing is no incompleteness: the exit code is what the FAILs and the demo's denied facts make it (5, as with the policy set).
    expect(scan.errors.length).toBeGreaterThan(0);
    expect(code).toBe(5);
  });

  it('the OCSF events say not assessed and why, and validate against the schema', () => {
    const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false });
    const validate = ajv.compile(JSON.parse(readFileSync(join(import.meta.dirname, '../schema/ocsf-compliance-finding-1.8.0.json'), 'utf8')) as object);
    const events = JSON.parse(readFileSync(join(out, readdirSync(out).find((f) => f.endsWith('.ocsf.json'))!), 'utf8')) as Record<string, { status_id: number; status_code: string; status_details: string[] }>[];
    expect(events).toHaveLength(doc.findings.length);
    for (const e of events) if (!validate(e)) throw new Error(ajv.errorsText(validate.errors));
    const unjudged = events.filter((e) => e['compliance']!.status_code === 'NOT_ASSESSED');
    expect(unjudged).toHaveLength(doc.scan.counts.byStatus.NOT_ASSESSED);
    for (const e of unjudged) {
      expect(e['compliance']!.status_id).toBe(2);
      expect(e['compliance']!.status_details.join(' ')).toMatch(/not assessed: set policy\.[a-zA-Z.]+/);
    }
  });

  it('the contract report names the settings for the not-assessed clause', () => {
    const report = readFileSync(join(out, readdirSync(out).find((f) => f.endsWith('.contract.md'))!), 'utf8');
    expect(report).toContain('**Status: not assessed: set policy.allowedRegions.aws, policy.allowedRegions.azure, policy.allowedRegions.gcp.**');
  });
});

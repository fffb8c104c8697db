/**
 * `dutyscan scan --workers N`: the built CLI as a process against the AWS fake (an organisation
 * of several accounts), compared with --workers 1, a worker killed mid-scan, and the rate limits.
 */
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../src/core/finding.js';
import type { ScanSummary } from '../../src/core/summary.js';
import { BASE_CREDENTIALS } from '../fakes/aws/server.js';
import { FakeAws, richAccount } from '../providers/aws/support.js';
import type { FakeState } from '../fakes/aws/state.js';
import { bin, dutyscan } from '../support/cli.js';

const ACCOUNTS = ['111111111111', '222222222222', '333333333333', '444444444444', '555555555555'];

function organisation(): FakeState {
  const accounts = ACCOUNTS.map((id) => ({ ...richAccount(id), memberRole: { name: 'DutyscanReadOnly' } }));
  return { callerAccount: ACCOUNTS[0]!, accounts: new Map(accounts.map((a) => [a.id, a])), organization: { accounts: accounts.map((a) => ({ Id: a.id, Status: 'ACTIVE' as const })) } };
}

const env = {
  AWS_ACCESS_KEY_ID: BASE_CREDENTIALS.accessKeyId, AWS_SECRET_ACCESS_KEY: BASE_CREDENTIALS.secretAccessKey, AWS_EC2_METADATA_DISABLED: 'true',
  PATH: process.env.PATH ?? '', HOME: tmpdir(),
};

let fake: FakeAws;
let dir: string;
beforeAll(async () => {
  fake = await FakeAws.start(organisation());
  dir = mkdtempSync(join(tmpdir(), 'dutyscan-workers-'));
});
afterAll(async () => {
  await fake?.close();
});

function configFile(extra = ''): string {
  const file = join(dir, `config-${Math.random().toString(36).slice(2)}.yaml`);
  writeFileSync(file, `providers:\n  aws:\n    endpoint: ${fake.url}\n    s3ForcePathStyle: true\n    regions: [us-east-1, eu-west-1]\n    maxAttempts: 1\n    organization:\n      enabled: true\n${extra}`);
  return file;
}

interface Doc { scan: ScanSummary; findings: Finding[] }

const readDoc = (out: string): Doc => JSON.parse(readFileSync(join(out, readdirSync(out).find((f) => f.endsWith('.json'))!), 'utf8')) as Doc;

async function scan(args: readonly string[], config = configFile()): Promise<{ code: number; stderr: string; doc: Doc }> {
  const out = mkdtempSync(join(dir, 'out-'));
  const run = await dutyscan(['scan', '-p', 'aws', '-c', config, '-f', 'json', '-o', out, '--no-progress', ...args], { env, inheritEnv: false, timeoutMs: 120_000 });
  return { code: run.code, stderr: run.stderr, doc: readDoc(out) };
}

/** A finding as two runs must agree on it: everything but the clock (the demo's evidence dates follow it too). */
const stable = (f: Finding) => JSON.stringify({ ...f, time: undefined, firstSeen: undefined, dueAt: undefined }).replace(/\d{4}-\d\d-\d\dT[\d:.]+Z/g, 'TIME');
const sortedFindings = (doc: Doc) => doc.findings.map(stable).sort();
const counts = (s: ScanSummary) => ({ findings: s.findings, counts: s.counts, obligations: s.obligations, clauses: s.clauses, errors: s.errors, accounts: s.accounts, scopes: s.scopes, complete: s.complete });

/** Every process whose parent is `pid`, and theirs. */
function descendants(pid: number): number[] {
  const out = execFileSync('ps', ['-e', '-o', 'pid=,ppid=']).toString().trim().split('\n').map((l) => l.trim().split(/\s+/).map(Number) as [number, number]);
  const children = out.filter(([, ppid]) => ppid === pid).map(([p]) => p);
  return children.flatMap((c) => [c, ...descendants(c)]);
}

describe('dutyscan scan --workers', () => {
  it('gives the findings and summary of --workers 1 with 2 and 3 workers', async () => {
    const one = await scan(['--workers', '1']);
    expect(one.doc.scan.accounts).toHaveLength(ACCOUNTS.length);
    expect(one.doc.scan.counts.byStatus.ERROR).toBe(0);
    for (const n of ['2', '3']) {
      const many = await scan(['--workers', n]);
      expect(many.code, many.stderr).toBe(one.code);
      expect(sortedFindings(many.doc)).toEqual(sortedFindings(one.doc));
      expect(counts(many.doc.scan)).toEqual(counts(one.doc.scan));
      // The same reads, but for what each worker does once for itself: assume the member roles again
      // (credentials are never sent between processes) and read each attached AWS managed policy document.
      const calls = (doc: Doc) => {
        const { sts: _, iam: { GetPolicyVersion: _g, ...iam } = {}, ...rest } = doc.scan.apiCalls.aws!;
        return { ...rest, iam };
      };
      expect(calls(many.doc)).toEqual(calls(one.doc));
      expect(many.doc.scan.apiCalls.aws!.sts!.AssumeRole).toBe(2 * one.doc.scan.apiCalls.aws!.sts!.AssumeRole!);
    }
  }, 300_000);

  it('traces the workers\' accounts, tasks and calls in the parent\'s trace, and finds the critical path through them', async () => {
    const file = join(dir, 'workers.trace.json');
    const run = await scan(['--workers', '2', '--trace', file]);
    expect(run.code, run.stderr).toBe(3); // failing findings, nothing unread
    const events = (JSON.parse(readFileSync(file, 'utf8')) as { traceEvents: { cat?: string; name: string; args: { id: number; parent?: number; account?: string } }[] }).traceEvents.filter((e) => e.cat);
    const byId = new Map(events.map((e) => [e.args.id, e]));
    const ancestors = (e: (typeof events)[number]) => {
      const out: (typeof events)[number][] = [];
      for (let up = byId.get(e.args.parent ?? -1); up; up = byId.get(up.args.parent ?? -1)) out.push(up);
      return out;
    };
    const scanSpan = events.find((e) => e.cat === 'scan')!;
    // Every account was collected in a worker, and its spans hang under the parent's scan span.
    for (const account of ACCOUNTS) {
      const accountSpan = events.find((e) => e.cat === 'account' && e.args.account === account);
      expect(accountSpan, account).toBeDefined();
      expect(accountSpan!.args.parent).toBe(scanSpan.args.id);
      // Discovery (in the parent) reads the organisation as the first account: its calls are the parent's.
      const calls = events.filter((e) => e.cat === 'call' && e.args.account === account && !ancestors(e).some((a) => a.cat === 'discovery'));
      expect(calls.length, account).toBeGreaterThan(10);
      for (const call of calls) expect(ancestors(call), `${call.name} of ${account}`).toContain(accountSpan);
    }
    // Ids stay unique though each worker numbered its own spans.
    expect(byId.size).toBe(events.length);
    const timing = run.doc.scan.timing!;
    expect(timing.criticalPath.calls).toBeGreaterThan(5);
    expect(timing.cpuMs).toBeGreaterThan(0);
  }, 120_000);

  it('evaluates the demo alike with --workers 1, 2 and 3 (an offline source is evaluated in the scan\'s own process)', async () => {
    const runs = await Promise.all(['1', '2', '3'].map(async (n) => {
      const out = mkdtempSync(join(dir, 'demo-'));
      const run = await dutyscan(['scan', '--demo', '-f', 'json', '-o', out, '--no-progress', '--workers', n], { env, inheritEnv: false });
      return { code: run.code, doc: readDoc(out) };
    }));
    expect(runs[0]!.doc.findings.length).toBeGreaterThan(0);
    for (const run of runs.slice(1)) {
      expect(run.code).toBe(runs[0]!.code);
      expect(sortedFindings(run.doc)).toEqual(sortedFindings(runs[0]!.doc));
      expect(counts(run.doc.scan)).toEqual(counts(runs[0]!.doc.scan));
    }
  }, 120_000);

  it('refuses a --workers that is not a whole number of processes, exit 2', async () => {
    for (const bad of ['0', 'two', '1.5']) {
      const run = await dutyscan(['scan', '--demo', '--workers', bad], { env, inheritEnv: false });
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('--workers');
    }
  }, 120_000);

  it('turns the accounts of a worker killed mid-scan into ERRORs naming it, exits non-zero and leaves no process behind', async () => {
    // Slow calls keep the accounts in flight long enough to kill a worker among them.
    fake.latencyMs = 150;
    try {
      const out = mkdtempSync(join(dir, 'out-'));
      const child = spawn(process.execPath, [bin, 'scan', '-p', 'aws', '-c', configFile(), '-f', 'json', '-o', out, '--no-progress', '--workers', '2'], { env, stdio: ['ignore', 'ignore', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      let workers: number[] = [];
      for (let i = 0; i < 200 && workers.length < 2; i++) {
        await new Promise((r) => setTimeout(r, 100));
        workers = descendants(child.pid!);
      }
      expect(workers.length).toBeGreaterThanOrEqual(1);
      const victim = workers[0]!;
      // A worker grows its heap as the CLI process does (bin/dutyscan.js sets it at run time, which a child does not inherit).
      expect(readFileSync(`/proc/${victim}/cmdline`, 'utf8').split('\0')).toContain('--heap-growing-percent=20');
      process.kill(victim, 'SIGKILL');
      const code = await exited;
      expect(code, stderr).toBe(5); // failing findings and an incomplete picture
      const doc = readDoc(out);
      const crashed = doc.findings.filter((f) => f.status === 'ERROR' && f.error?.operation === 'dutyscan:worker');
      expect(crashed.length).toBeGreaterThan(0);
      expect(crashed[0]!.message).toMatch(new RegExp(`worker \\d \\(pid ${victim}\\) was killed by SIGKILL`));
      expect(doc.scan.complete).toBe(false);
      expect(doc.scan.errors.some((e) => e.operation === 'dutyscan:worker')).toBe(true);
      // Every other account was still scanned: the scan lists them all.
      expect(doc.scan.accounts).toHaveLength(ACCOUNTS.length);
      expect(workers.filter((pid) => { try { process.kill(pid, 0); return true; } catch { return false; } })).toEqual([]);
    } finally {
      fake.latencyMs = 0;
    }
  }, 120_000);

  /** The most calls in any one-second window. */
  const busiestSecond = (at: readonly number[]) => Math.max(...at.map((t) => at.filter((u) => u >= t && u < t + 1000).length));

  it('takes the tokens of calls that name no account (AssumeRole) from one bucket for the whole scan', async () => {
    fake.requests.length = 0;
    const config = configFile('rateLimits:\n  aws/sts: { perSecond: 1, burst: 1 }\n');
    const { doc } = await scan(['--workers', '2', '--checks', 'aws-ec2-*'], config);
    expect(doc.scan.counts.byStatus.ERROR).toBe(0);
    const sts = fake.requests.filter((r) => r.service === 'sts').map((r) => r.at).sort((a, b) => a - b);
    // Discovery's identity and roles, then each worker's roles again: one bucket of 1/s paces them all.
    expect(sts.length).toBeGreaterThanOrEqual(2 * (ACCOUNTS.length - 1));
    expect(busiestSecond(sts)).toBeLessThanOrEqual(1 + 1 + 1);
  }, 300_000);

  it('keeps each rate-limit bucket within its budget across workers', async () => {
    fake.requests.length = 0;
    const perSecond = 2;
    const burst = 1;
    const config = configFile(`rateLimits:\n  aws/ec2: { perSecond: ${perSecond}, burst: ${burst} }\n`);
    const { doc } = await scan(['--workers', '2', '--checks', 'aws-ec2-*'], config);
    expect(doc.scan.counts.byStatus.ERROR).toBe(0);
    const ec2 = fake.requests.filter((r) => r.service === 'ec2' && r.operation !== 'DescribeRegions');
    expect(ec2.length).toBeGreaterThan(10);
    const buckets = new Map<string, typeof ec2>();
    for (const r of ec2) buckets.set(`${r.account}/${r.region}`, [...(buckets.get(`${r.account}/${r.region}`) ?? []), r]);
    // Per bucket (account, region), calls in any one-second window: at most burst + rate, with a
    // margin as large again for arrivals bunched by a loaded machine; unpaced, a bucket's calls all come at once.
    expect(Math.max(...[...buckets.values()].map((calls) => calls.length)), 'a bucket with more calls than the margin, so the test can fail').toBeGreaterThan(2 * (burst + perSecond));
    for (const [bucket, calls] of buckets) {
      expect(busiestSecond(calls.map((r) => r.at)), bucket).toBeLessThanOrEqual(2 * (burst + perSecond));
    }
    // And the scan as a whole: at most the sum of its buckets' budgets per second.
    const all = ec2.map((r) => r.at).sort((a, b) => a - b);
    const span = (all.at(-1)! - all[0]!) / 1000;
    expect(ec2.length).toBeLessThanOrEqual(buckets.size * (burst + perSecond * (span + 1)));
  }, 300_000);
});

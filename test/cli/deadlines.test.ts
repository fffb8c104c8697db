/**
 * `dutyscan scan --demo` as a user runs it: the demo's history makes one failure overdue, and the
 * contract report, the JSON findings and the POA&M all say so.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../src/core/finding.js';
import { expectValidOscal, expectWholeOutputs, outputsIn, validateOscal } from '../support/documents.js';
import { dutyscan } from '../support/cli.js';

const BOB = 'arn:aws:iam::111111111111:user/bob';
const CHECK = 'aws-iam-user-console-mfa-enabled';

describe('scan --demo: contract deadlines', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dutyscan-deadlines-'));
  let outputs: Map<string, string>;
  let findings: Finding[];
  let started: number;
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  beforeAll(async () => {
    started = Date.now();
    const run = await dutyscan(['scan', '--demo', '--format', 'json', 'contract-md', 'contract-html', 'ocsf', 'oscal-poam', '--output-dir', dir], { timeoutMs: 120_000 });
    expect(run.code, run.stderr).toBe(5);
    outputs = outputsIn(dir);
    findings = (JSON.parse(outputs.get('json')!) as { findings: Finding[] }).findings;
  }, 150_000);

  it('every document is whole and valid (OCSF and OSCAL schemas included)', () => expectWholeOutputs(dir));

  it('gives every unmuted FAIL under the default profile a due date, and exactly one (bob\'s missing MFA, from the demo\'s history) is overdue', () => {
    const failing = findings.filter((f) => f.status === 'FAIL' && !f.muted && f.severity !== 'info');
    expect(failing.length).toBeGreaterThan(50);
    for (const f of failing) expect(f.dueAt, f.id).toBeDefined();
    for (const f of findings.filter((x) => x.status !== 'FAIL' || x.muted)) expect(f, f.id).not.toHaveProperty('dueAt');
    const overdue = findings.filter((f) => f.overdue);
    expect(overdue.map((f) => [f.check.id, f.resource.id])).toEqual([[CHECK, BOB]]);
    // high: 14 days in the default profile, counted from six weeks ago.
    const bob = overdue[0]!;
    expect(bob.curePeriod).toBe('14d');
    expect(Date.parse(bob.dueAt!) - Date.parse(bob.firstSeen!)).toBe(14 * 86_400_000);
    expect(started - Date.parse(bob.firstSeen!)).toBeGreaterThan(41 * 86_400_000);
    // Without a history, a failure counts from this scan: due in its cure period from now, not overdue.
    const fresh = failing.find((f) => f.id !== bob.id && f.curePeriod === '30d')!;
    expect(fresh).not.toHaveProperty('firstSeen');
    expect(Date.parse(fresh.dueAt!) - Date.parse(fresh.time)).toBe(30 * 86_400_000);
  });

  it('the contract report shows the overdue item and says the first-seen date comes from the demo\'s history', () => {
    const md = outputs.get('contract-md')!;
    const bob = findings.find((f) => f.overdue)!;
    expect(md).toMatch(/1 of \d+ failing finding\(s\) with a cure period are \*\*overdue\*\*/);
    expect(md).toContain('First-seen dates come from the demo\'s history');
    expect(md).toContain(`| ${bob.dueAt} | **overdue** | S1 | bob | \`${CHECK}\` | 14d | ${bob.firstSeen} |`);
    expect(md).toContain(`  - **OVERDUE: was due ${bob.dueAt} (cure period 14d)**`);
    expect(outputs.get('contract-html')!).toContain(`<strong class="overdue">OVERDUE: was due ${bob.dueAt} (cure period 14d)</strong>`);
  });

  it('the POA&M gives bob\'s risk its (passed) deadline and milestone', () => {
    const doc = JSON.parse(outputs.get('oscal-poam')!) as { 'plan-of-action-and-milestones': { risks: { deadline?: string; props: { name: string; value: string }[]; remediations: { tasks?: unknown[] }[] }[] } };
    expectValidOscal(validateOscal.poam, doc);
    const bob = findings.find((f) => f.overdue)!;
    const risk = doc['plan-of-action-and-milestones'].risks.find((r) => r.props.some((p) => p.name === 'finding-id' && p.value === bob.id))!;
    expect(risk.deadline).toBe(bob.dueAt);
    expect(Date.parse(risk.deadline!)).toBeLessThan(started);
    expect(risk.remediations[0]!.tasks).toEqual([expect.objectContaining({ type: 'milestone', timing: { 'on-date': { date: bob.dueAt } } })]);
  });
});

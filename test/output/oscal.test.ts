/**
 * OSCAL 1.1.2 documents an auditor's tool imports: the contract profile as a catalog, a scan as
 * Assessment Results, the open items as a POA&M. Each validates against NIST's official JSON
 * Schemas (vendored byte for byte in test/schema/oscal; .ci/run checks them against the copy in
 * shared/), and the identifiers an auditor diffs on are stable across scans.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../src/core/finding.js';
import type { ScanSummary } from '../../src/core/summary.js';
import { token, uuidV5 } from '../../src/oscal/ids.js';
import { oscalAssessmentResultsFormatter, oscalPoamFormatter } from '../../src/output/oscal.js';
import { expectValidOscal as expectValid, validateOscal } from '../support/documents.js';
import { finding, render, summaryOf } from '../support/findings.js';

const root = join(import.meta.dirname, '../..');
const bin = join(root, 'bin/dutyscan.js');
const run = async (args: string[]) => {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [bin, ...args], { maxBuffer: 256 << 20 });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
};

interface Ar {
  'assessment-results': {
    uuid: string;
    results: {
      uuid: string;
      'reviewed-controls': { 'control-selections': { 'include-controls': { 'control-id': string }[] }[] };
      observations: { uuid: string; props: { name: string; value: string }[]; subjects: { 'subject-uuid': string }[] }[];
      findings: { uuid: string; target: { type: string; 'target-id': string; status: { state: string; reason: string; remarks: string } }; props: { name: string; value: string }[] }[];
      'local-definitions': { 'inventory-items': { uuid: string }[] };
    }[];
  };
}
interface Poam { 'plan-of-action-and-milestones': { uuid: string; 'poam-items': { uuid: string; props: { name: string; value: string }[] }[]; risks?: { uuid: string }[] } }

describe('OSCAL identifiers', () => {
  it('are RFC 4122 v5 UUIDs (the Python uuid5 test vector) and NCName tokens', () => {
    expect(uuidV5('python.org', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe('886313e1-3b8a-5372-9b90-0c9aee199e5d');
    expect(token('2.2.1')).toBe('_2.2.1');
    expect(token('clause-第二条 (a)')).toBe('clause-第二条__a_');
  });
});

describe('dutyscan scan --demo --format oscal oscal-poam, and contract export --format oscal-catalog', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dutyscan-oscal-'));
  const scans: { ar: Ar; poam: Poam; json: { scan: ScanSummary; findings: Finding[] } }[] = [];
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  beforeAll(async () => {
    for (const n of [1, 2]) {
      const out = join(dir, `scan${n}`);
      const r = await run(['scan', '--demo', '--contract', 'cn-cloud-security-2026', '--format', 'oscal', 'oscal-poam', 'json', '--output-dir', out]);
      expect(r.stderr).not.toMatch(/internal error/);
      const file = (suffix: string) => JSON.parse(readFileSync(join(out, readdirSync(out).find((f) => f.endsWith(suffix))!), 'utf8')) as unknown;
      scans.push({ ar: file('.oscal-ar.json') as Ar, poam: file('.oscal-poam.json') as Poam, json: file('Z.json') as (typeof scans)[number]['json'] });
    }
  });

  it('Assessment Results validate: one observation per result, a finding per clause and per obligation in it', () => {
    const { ar, json } = scans[0]!;
    expectValid(validateOscal.ar, ar);
    const result = ar['assessment-results'].results[0]!;
    expect(result.observations).toHaveLength(json.findings.length);
    expect(result['reviewed-controls']['control-selections'][0]!['include-controls'].map((c) => c['control-id'])).toEqual(['clause-2.2.1', 'clause-2.2.2']);
    const byTarget = new Map(result.findings.map((f) => [f.target['target-id'], f.target]));
    for (const clause of json.scan.clauses) {
      const target = byTarget.get(`clause-${clause.clause}_smt`)!;
      expect(target.type).toBe('statement-id');
      // Only met (or nothing in scope) is satisfied: not evaluable and attestation needed never read as met.
      expect(target.status.state, clause.clause).toBe(clause.status === 'met' || clause.status === 'not-applicable' ? 'satisfied' : 'not-satisfied');
      if (clause.status === 'incomplete' || clause.status === 'attestation') expect(target.status.remarks).toMatch(/not evaluable|attestation needed/);
      for (const o of clause.obligations) expect(byTarget.get(`clause-${clause.clause}_obj.${o}`)?.type).toBe('objective-id');
    }
    // Every observation's subject is a defined inventory item.
    const items = new Set(result['local-definitions']['inventory-items'].map((i) => i.uuid));
    for (const o of result.observations) expect(items.has(o.subjects[0]!['subject-uuid'])).toBe(true);
  });

  it('the POA&M validates and has an item, a risk and an observation for every unmuted FAIL and ERROR', () => {
    const { poam, json } = scans[0]!;
    expectValid(validateOscal.poam, poam);
    const open = json.findings.filter((f) => !f.muted && (f.status === 'FAIL' || f.status === 'ERROR'));
    const items = poam['plan-of-action-and-milestones']['poam-items'];
    expect(items).toHaveLength(open.length);
    expect(poam['plan-of-action-and-milestones'].risks).toHaveLength(open.length);
    expect(new Set(items.map((i) => i.props.find((p) => p.name === 'finding-id')!.value))).toEqual(new Set(open.map((f) => f.id)));
  });

  it('identifiers are stable across scans of the same estate, so two assessments can be diffed', () => {
    const [a, b] = scans as [(typeof scans)[0], (typeof scans)[0]];
    expect(a.ar['assessment-results'].uuid).not.toBe(b.ar['assessment-results'].uuid);
    const ids = (ar: Ar) => ar['assessment-results'].results[0]!.observations.map((o) => o.uuid).sort();
    expect(ids(a.ar)).toEqual(ids(b.ar));
    expect(new Set(ids(a.ar)).size).toBe(ids(a.ar).length);
    const findingIds = (ar: Ar) => ar['assessment-results'].results[0]!.findings.map((f) => f.uuid).sort();
    expect(findingIds(a.ar)).toEqual(findingIds(b.ar));
    expect(a.poam['plan-of-action-and-milestones'].uuid).toBe(b.poam['plan-of-action-and-milestones'].uuid);
    expect(a.poam['plan-of-action-and-milestones']['poam-items'].map((i) => i.uuid).sort()).toEqual(b.poam['plan-of-action-and-milestones']['poam-items'].map((i) => i.uuid).sort());
  });

  it.each(['iaas-customer-duties', 'cn-cloud-security-2026'])('contract export --contract %s --format oscal-catalog validates, clauses as controls', async (contract) => {
    const r = await run(['contract', 'export', '--contract', contract, '--format', 'oscal-catalog']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as { catalog: { controls: { id: string; parts: { name: string; id: string }[] }[]; params?: { id: string; label: string }[]; metadata: { remarks?: string } } };
    expectValid(validateOscal.catalog, doc);
    expect(doc.catalog.controls.every((c) => c.parts[0]!.name === 'statement' && c.parts.slice(1).every((p) => p.name === 'assessment-objective'))).toBe(true);
    if (contract === 'cn-cloud-security-2026') {
      expect(doc.catalog.controls.map((c) => c.id)).toEqual(['clause-2.2.1', 'clause-2.2.2']);
      expect(doc.catalog.params?.map((p) => p.id)).toEqual(['definition-1.1', 'definition-1.2']);
      // The profile's own notes travel with it: the source stops inside 2.2.2.
      expect(doc.catalog.metadata.remarks).toContain('cut off in the middle of clause 2.2.2');
    }
  });

  it('refuses an unknown export format with exit 2', async () => {
    const r = await run(['contract', 'export', '--contract', 'iaas-customer-duties', '--format', 'pdf']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('oscal-catalog');
  });
});

describe('OSCAL documents at the edges', () => {
  it('a scan with nothing open still writes a valid POA&M that says so', () => {
    const findings = [finding({ status: 'PASS' }), finding({ status: 'FAIL', muted: true, mute: { reason: 'accepted', rule: 0 }, resource: { id: 'b2', name: 'b2' } })];
    const poam = JSON.parse(render(oscalPoamFormatter(), findings)) as Poam;
    expectValid(validateOscal.poam, poam);
    expect(poam['plan-of-action-and-milestones']['poam-items']).toHaveLength(1);
    expect(poam['plan-of-action-and-milestones']['poam-items'][0]!.props).toEqual([expect.objectContaining({ name: 'status', value: 'none-open' })]);
  });

  it('a scan with no results and hostile text (newlines, control characters) still validates', () => {
    expectValid(validateOscal.ar, JSON.parse(render(oscalAssessmentResultsFormatter(), [], summaryOf([]))));
    const hostile = finding({ status: 'FAIL', message: '  line one\nline\ttwo\u0007  ', resource: { id: 'arn:aws:s3:::x', name: '\n' } });
    expectValid(validateOscal.ar, JSON.parse(render(oscalAssessmentResultsFormatter(), [hostile])));
    expectValid(validateOscal.poam, JSON.parse(render(oscalPoamFormatter(), [hostile])));
  });
});

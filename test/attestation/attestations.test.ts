import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { currentAttestations, dayOf, expiresOn, isExpired } from '../../src/attestation/expiry.js';
import { loadAttestations } from '../../src/attestation/load.js';
import type { Attestation } from '../../src/attestation/schema.js';
import { ConfigErrors } from '../../src/config/errors.js';
import type { ScanSummary } from '../../src/core/summary.js';
import { Tally } from '../../src/engine/tally.js';
import { loadCatalog, resolveContract } from '../../src/mapping/catalog.js';
import { checkContractProfile } from '../../src/mapping/profile.js';
import { dutyscan } from '../support/cli.js';
import { expectWholeOutputs, outputsIn } from '../support/documents.js';
import { finding } from '../support/findings.js';

const catalog = loadCatalog();
const profile = resolveContract(catalog, 'iaas-customer-duties');
const dir = mkdtempSync(join(tmpdir(), 'dutyscan-attest-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const signOff = (obligation: string, date: string): Attestation => ({ obligation, by: 'Dana, CISO', date, statement: 'done', evidence: 'ticket SEC-1' });
const daysAgo = (n: number) => dayOf(new Date(Date.now() - n * 86_400_000));

describe('expiry', () => {
  it('a sign-off of D valid for N days counts through D + N - 1 and has expired from the first instant of D + N (UTC)', () => {
    expect(expiresOn('2026-01-31', 90)).toBe('2026-05-01');
    expect(expiresOn('2028-02-28', 1)).toBe('2028-02-29'); // leap day
    expect(isExpired('2026-05-01', new Date('2026-04-30T23:59:59.999Z'))).toBe(false);
    expect(isExpired('2026-05-01', new Date('2026-05-01T00:00:00.000Z'))).toBe(true);
  });

  it('the latest sign-off of an obligation counts, for 90 days or the profile\'s validForDays', () => {
    const now = new Date('2026-12-07T12:00:00Z');
    const long = { ...profile, attestations: { 'people.training': { validForDays: 365 } } };
    const list = [signOff('people.training', '2026-01-01'), signOff('people.training', '2026-09-08'), signOff('governance.usage-monitoring', '2026-09-08')];
    const byDefault = currentAttestations(list, profile, now);
    // 2026-09-08 + 90 days = 2026-12-07: expired on the scan's day, whichever time of it.
    expect(byDefault.get('people.training')).toMatchObject({ date: '2026-09-08', expires: '2026-12-07', status: 'expired' });
    expect(currentAttestations(list, long, now).get('people.training')).toMatchObject({ expires: '2027-09-08', status: 'valid' });
    expect(currentAttestations(list, long, now).get('governance.usage-monitoring')).toMatchObject({ status: 'expired' });
    expect(currentAttestations(list, profile, new Date('2026-12-06T23:59:59Z')).get('people.training')!.status).toBe('valid');
  });
});

describe('a sign-off in the roll-up', () => {
  const summarise = (findings: Parameters<typeof finding>[0][], attestations: Attestation[]) => {
    const tally = new Tally();
    for (const f of findings) tally.add(finding(f));
    const attested = currentAttestations(attestations, profile, new Date());
    const assessed = new Set(['aws-iam-user-mfa-enabled']);
    return { obligations: tally.obligations(catalog, profile, assessed, attested), clauses: tally.clauses(catalog, profile, assessed, attested) };
  };

  it('makes met only what no check decides: never a FAIL, and an expired one changes nothing', () => {
    const review = [{ id: 'access.review', title: 'Review', clauses: ['S3'] }];
    const { obligations, clauses } = summarise(
      [{ status: 'FAIL', obligations: review, check: { id: 'aws-iam-user-mfa-enabled' } }],
      [signOff('access.review', daysAgo(1)), signOff('people.training', daysAgo(1)), signOff('governance.usage-monitoring', daysAgo(100))],
    );
    const o = (id: string) => obligations.find((x) => x.id === id)!;
    expect(o('access.review')).toMatchObject({ status: 'not-met', attestation: { status: 'valid', applied: false } });
    expect(o('access.review').metBy).toBeUndefined();
    expect(o('people.training')).toMatchObject({ status: 'met', metBy: 'attestation', attestation: { applied: true } });
    expect(o('governance.usage-monitoring')).toMatchObject({ status: 'attestation', attestation: { status: 'expired', applied: false } });
    expect(clauses.find((c) => c.clause === 'S13')).toMatchObject({ status: 'met', metBy: ['attestation'] });
    expect(clauses.find((c) => c.clause === 'S3')!.status).toBe('not-met');
  });
});

describe('the attestations file', () => {
  const write = (name: string, text: string) => {
    const file = join(dir, name);
    writeFileSync(file, text);
    return file;
  };
  const problems = (file: string) => {
    try {
      loadAttestations(file, catalog.obligations, new Date('2026-12-07T12:00:00Z'));
    } catch (e) {
      return (e as ConfigErrors).errors.map((x) => x.message);
    }
    return [];
  };

  it('names file, line and key for schema mistakes, an unknown obligation and a date after today', () => {
    const schema = write('schema.yaml', ['version: 1', 'attestations:', '  - obligation: people.training', '    by: Dana', '    date: 7 December', '    statement: done', '    evidense: LMS', ''].join('\n'));
    expect(problems(schema)).toEqual([
      `${schema}:5: attestations[0].date: the sign-off date as YYYY-MM-DD`,
      `${schema}:3: attestations[0].evidence: Invalid input: expected string, received undefined`,
      `${schema}:7: attestations[0].evidense: unknown key "evidense" (did you mean "evidence"?); expected one of: obligation, by, date, statement, evidence`,
    ]);
    const semantic = write('semantic.yaml', ['version: 1', 'attestations:', '  - { obligation: people.trainng, by: Dana, date: 2026-12-01, statement: done, evidence: LMS }', '  - obligation: people.training', '    by: Dana', '    date: 2026-12-08', '    statement: done', '    evidence: LMS', ''].join('\n'));
    expect(problems(semantic)).toEqual([
      `${semantic}:3: attestations[0].obligation: unknown obligation "people.trainng" (did you mean "people.training"?); see dutyscan obligations list`,
      `${semantic}:6: attestations[1].date: 2026-12-08 is after today (2026-12-07 UTC): a sign-off cannot be dated in the future`,
    ]);
  });

  it('a contract profile\'s validForDays must name a known obligation and be a whole number of days', () => {
    const text = (days: string) => ['id: p', 'title: P', 'clauses:', '  - { id: "1", title: T, summary: S, obligations: [people.training] }', 'attestations:', `  people.trainin: { validForDays: ${days} }`, ''].join('\n');
    expect(checkContractProfile('p.yaml', text('365'), new Set(catalog.obligations.keys())).problems.map((p) => p.message)).toEqual([
      'p.yaml:6: attestations.people.trainin: unknown obligation "people.trainin" (did you mean "people.training"?); see dutyscan obligations list',
    ]);
    expect(() => checkContractProfile('p.yaml', text('0'), new Set(catalog.obligations.keys()))).toThrow(/p\.yaml:6: attestations\.people\.trainin\.validForDays: a whole number of days above 0/);
  });
});

describe('dutyscan scan --attestations (the built CLI)', () => {
  it('exits 2 naming the file and line of a mistake, before any output', async () => {
    const file = join(dir, 'cli-bad.yaml');
    writeFileSync(file, ['version: 1', 'attestations:', '  - { obligation: nope.nothing, by: Dana, date: 2026-01-01, statement: done, evidence: LMS }', ''].join('\n'));
    const run = await dutyscan(['scan', '--demo', '--attestations', file, '-f', 'json']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${file}:3: attestations[0].obligation: unknown obligation "nope.nothing"`);
    expect(run.stdout).toBe('');
  });

  it('the demo shows one obligation met by attestation and one expired, in every report, whole, with one unit of count', async () => {
    const out = join(dir, 'demo');
    const run = await dutyscan(['scan', '--demo', '-f', 'json', 'contract-md', 'contract-html', 'html', 'oscal', '-o', out], { timeoutMs: 120_000 });
    expect(run.code).toBe(5);
    expectWholeOutputs(out);
    const outputs = outputsIn(out);
    const scan = JSON.parse(outputs.get('json')!).scan as ScanSummary;
    expect(scan.attestations!.map((a) => [a.obligation, a.status, a.applied])).toEqual([['governance.usage-monitoring', 'expired', false], ['people.training', 'valid', true]]);
    expect(scan.clauses.find((c) => c.clause === 'S13')).toMatchObject({ status: 'met', metBy: ['attestation'] });

    const md = outputs.get('contract-md')!;
    expect(md).toMatch(/\*\*Attestations:\*\* 1 obligation\(s\) met by attestation; 1 attestation\(s\) expired \(governance\.usage-monitoring on \d{4}-\d\d-\d\d\)/);
    expect(md).toMatch(/\| S13 \| Training and user awareness \| \*\*met \(by attestation\)\*\* \|/);
    expect(md).toMatch(/\*\*Met by attestation; expires on \d{4}-\d\d-\d\d\.\*\* Signed by Dana Whitfield, Head of Security on /);
    expect(md).toMatch(/\*\*Attestation expired on \d{4}-\d\d-\d\d\.\*\* Signed by Priya Raman, FinOps lead on [^\n]+ It no longer counts: sign again\.\n\n- \[ \] Met\. Attested by:/);
    const html = outputs.get('contract-html')!;
    expect(html).toContain('met (by attestation)');
    expect(html).toMatch(/<p class="sign-off valid"><strong>Met by attestation; expires on /);
    expect(html).toMatch(/<p class="sign-off expired"><strong>Attestation expired on /);
    expect(outputs.get('html')!).toMatch(/<small class="expired">attestation expired on \d{4}-\d\d-\d\d<\/small>/);
    expect(outputs.get('oscal')!).toContain('met by attestation: no cloud API can prove it, a person signed that it is met; attestation signed by Dana Whitfield');

    // One unit: the contract report's results per clause are the JSON summary's, clause by clause.
    for (const c of scan.clauses) {
      const row = new RegExp(`^\\| ${c.clause.replace('.', '\\.')} \\|[^|]+\\|[^|]+\\| (\\d+) \\| \\d+ \\| (\\d+) \\| (\\d+) \\| (\\d+) \\|$`, 'm').exec(md);
      expect(row, c.clause).not.toBeNull();
      expect(row!.slice(1).map(Number), c.clause).toEqual([c.acceptedExceptions, c.counts.FAIL, c.counts.ERROR, c.counts.NOT_ASSESSED]);
    }
    // And the table names it: the HTML report's clause table too.
    expect(outputs.get('html')!).toContain('<caption>Results (one check on one resource) by status, each counted once per clause</caption>');
  });
});

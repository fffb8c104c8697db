import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { toAsff, asffFormatter } from '../../src/output/asff.js';
import { CSV_COLUMNS, csv, csvCell } from '../../src/output/csv.js';
import { junitFormatter } from '../../src/output/junit.js';
import { formatter, formatters } from '../../src/output/registry.js';
import { sarifFormatter } from '../../src/output/sarif.js';
import { allChecks } from '../../checks/index.js';
import { parseCsv } from '../support/documents.js';
import { finding, manyFindings, render, summaryOf } from '../support/findings.js';

describe('CSV', () => {
  it('quotes per RFC 4180 and defuses formula cells', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('cr\rlf')).toBe('"cr\rlf"');
    for (const lead of ['=', '+', '-', '@', '\t']) expect(csvCell(`${lead}1+1`).startsWith(`'${lead}`) || csvCell(`${lead}1+1`).startsWith(`"'${lead}`)).toBe(true);
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe('"\'=HYPERLINK(""http://x"",""y"")"');
    expect(csvCell('a=b')).toBe('a=b');
  });

  it('round-trips every finding with stable columns; no cell starts a formula', () => {
    const findings = manyFindings(300);
    const rows = parseCsv(render(csv, findings));
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows).toHaveLength(findings.length + 1);
    for (const row of rows) expect(row).toHaveLength(CSV_COLUMNS.length);
    const col = (name: (typeof CSV_COLUMNS)[number]) => CSV_COLUMNS.indexOf(name);
    findings.forEach((f, i) => {
      const row = rows[i + 1] as string[];
      expect(row[col('id')]).toBe(f.id);
      expect(row[col('status')]).toBe(f.status);
      expect(row[col('not_assessed_setting')]).toBe(f.notAssessed?.setting ?? '');
      const name = row[col('resource_name')] as string;
      expect(/^[=+\-@]/.test(f.resource.name) ? name === `'${f.resource.name}` : name === f.resource.name).toBe(true);
    });
    for (const row of rows) for (const cell of row) expect(/^[=+\-@\t\r]/.test(cell)).toBe(false);
  });
});

describe('SARIF 2.1.0', () => {
  type Sarif = {
    version: string;
    runs: {
      tool: { driver: { rules: { id: string; fullDescription: { text: string }; helpUri?: string; help: { markdown: string }; properties: Record<string, unknown> }[] } };
      results: { ruleId: string; kind: string; level: string; ruleIndex: number; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[];
      invocations: { executionSuccessful: boolean; toolExecutionNotifications: { associatedRule: { id: string } }[] }[];
      properties: { notReported: Record<string, number> };
    }[];
  };

  it('reports failing results only, with rules a code-scanning dashboard sorts and links', () => {
    const findings = [
      finding({ status: 'FAIL', severity: 'critical' }),
      finding({ status: 'PASS', resource: { id: 'arn:aws:s3:::b2', name: 'b2' } }),
      finding({ status: 'ERROR', resource: { id: 'arn:aws:s3:::b3', name: 'b3' } }),
      finding({ status: 'NOT_APPLICABLE', check: { id: 'aws-other-check' } }),
      finding({ status: 'FAIL', severity: 'low', muted: true, mute: { reason: 'accepted', rule: 0 }, resource: { id: 'b4', name: 'b4' } }),
      finding({ status: 'NOT_ASSESSED', resource: { id: 'arn:aws:s3:::b5', name: 'b5' } }),
    ];
    const doc = JSON.parse(render(sarifFormatter(), findings)) as Sarif;
    expect(doc.version).toBe('2.1.0');
    const run = doc.runs[0]!;
    // A dashboard raises an alert for every result and closes it when a run no longer has it: passes are not results.
    expect(run.results.map((r) => [r.kind, r.level, r.ruleIndex])).toEqual([['fail', 'error', 0], ['fail', 'note', 0]]);
    expect(run.results[1]).toHaveProperty('suppressions.0.justification', 'accepted');
    expect(run.properties.notReported).toEqual({ PASS: 1, ERROR: 1, NOT_APPLICABLE: 1, NOT_ASSESSED: 1 });
    // The ERROR, and what the run did not assess for want of a setting.
    expect(run.invocations[0]!.toolExecutionNotifications).toEqual([
      expect.objectContaining({ level: 'error', associatedRule: expect.objectContaining({ id: 'aws-s3-bucket-default-encryption-enabled' }) }),
      { level: 'warning', message: { text: 'not assessed: set policy.criticalResources (1 result(s))' } },
    ]);
    // Code scanning accepts only repository-relative paths as locations.
    for (const r of run.results) expect(r.locations[0]!.physicalLocation.artifactLocation.uri).toMatch(/^cloud\/aws\/[^:]+$/);

    const rule = run.tool.driver.rules.find((r) => r.id === 'aws-s3-bucket-default-encryption-enabled')!;
    expect(rule.fullDescription.text.length).toBeGreaterThan(rule.id.length);
    expect(rule.helpUri).toMatch(/^https:\/\/docs\.aws\.amazon\.com\//);
    expect(rule.properties['security-severity']).toBe('9.5');
    expect(rule.help.markdown).toContain('[Documentation](https://');

    // A fresh document per run: state from a previous render does not leak.
    const f = sarifFormatter();
    render(f, manyFindings(50));
    const again = JSON.parse(render(f, [finding({ status: 'FAIL' })])) as Sarif;
    expect(again.runs[0]!.tool.driver.rules).toHaveLength(1);
    expect(again.runs[0]!.results).toHaveLength(1);
  });

  it('every check of the catalogue has a help link and a security-severity in its rule', () => {
    for (const check of allChecks) {
      const doc = JSON.parse(render(sarifFormatter(), [finding({ status: 'FAIL', severity: check.severity, check: { id: check.id, title: check.title, duty: check.duty, service: check.service } })])) as Sarif;
      const rule = doc.runs[0]!.tool.driver.rules[0]!;
      expect(rule.helpUri, check.id).toMatch(/^https:\/\//);
      expect(rule.fullDescription.text, check.id).toBe(check.rationale);
      expect(Number(rule.properties['security-severity']), check.id).toBeGreaterThanOrEqual(0);
    }
  });
});

describe('JUnit XML', () => {
  it('one testcase per check x resource; FAIL failure, ERROR error, NOT_ASSESSED and N/A skipped; hostile text escaped', () => {
    const findings = manyFindings(200);
    const xml = render(junitFormatter(), findings);
    expect(XMLValidator.validate(xml)).toBe(true);
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(xml) as {
      testsuites: { tests: string; failures: string; errors: string; skipped: string; testsuite: { testcase: unknown }[] };
    };
    const unmutedFail = findings.filter((f) => f.status === 'FAIL' && !f.muted).length;
    const skipped = findings.filter((f) => f.status === 'NOT_APPLICABLE' || f.status === 'NOT_ASSESSED' || (f.status === 'FAIL' && f.muted)).length;
    expect(findings.some((f) => f.status === 'NOT_ASSESSED')).toBe(true);
    expect(xml).toContain('<skipped message="Not assessed: set policy.requiredTags');
    expect(Number(doc.testsuites.tests)).toBe(findings.length);
    expect(Number(doc.testsuites.failures)).toBe(unmutedFail);
    expect(Number(doc.testsuites.errors)).toBe(findings.filter((f) => f.status === 'ERROR').length);
    expect(Number(doc.testsuites.skipped)).toBe(skipped);
    expect(new Set(findings.map((f) => f.check.id)).size).toBe(doc.testsuites.testsuite.length);
    expect(xml).not.toContain('<script>');
  });
});

describe('ASFF', () => {
  it('maps AWS findings with the required attributes and skips what has no ASFF form', () => {
    const a = toAsff(finding({ status: 'FAIL', severity: 'high' }))!;
    for (const key of ['SchemaVersion', 'Id', 'ProductArn', 'GeneratorId', 'AwsAccountId', 'Types', 'CreatedAt', 'UpdatedAt', 'Severity', 'Title', 'Description', 'Resources']) {
      expect(a).toHaveProperty(key);
    }
    expect(a).toMatchObject({
      SchemaVersion: '2018-10-08',
      ProductArn: 'arn:aws:securityhub:eu-west-1:111122223333:product/111122223333/default',
      Severity: { Label: 'HIGH' },
      Compliance: { Status: 'FAILED', RelatedRequirements: ['clause 2.2.3', 'cis-aws-3.0 2.1.1'] },
      Resources: [{ Type: 'AwsS3Bucket', Id: 'arn:aws:s3:::example-bucket', Region: 'eu-west-1', Tags: { owner: 'team-a' } }],
    });
    expect(toAsff(finding({ status: 'ERROR' }))!['Compliance']).toEqual({ Status: 'NOT_AVAILABLE', RelatedRequirements: expect.any(Array) });
    expect(toAsff(finding({ status: 'NOT_APPLICABLE' }))).toBeUndefined();
    expect(toAsff(finding({ status: 'NOT_ASSESSED' }))).toMatchObject({
      Compliance: { Status: 'NOT_AVAILABLE' },
      Description: 'Not assessed: set policy.criticalResources',
      ProductFields: { 'dutyscan/status': 'NOT_ASSESSED', 'dutyscan/notAssessed': 'not assessed: set policy.criticalResources' },
    });
    expect(toAsff(finding({ resource: { provider: 'azure', account: 'sub-1' } }))).toBeUndefined();
    const global = toAsff(finding({ resource: { region: 'global', id: 'arn:aws-cn:iam::111122223333:user/x' } }), { defaultRegion: 'cn-north-1' })!;
    expect(global.ProductArn).toBe('arn:aws-cn:securityhub:cn-north-1:111122223333:product/111122223333/default');
    const long = toAsff(finding({ check: { title: 'x'.repeat(400) }, message: 'y'.repeat(2000) }))!;
    expect((long['Title'] as string).length).toBe(256);
    expect((long['Description'] as string).length).toBe(1024);
    const doc = JSON.parse(render(asffFormatter(), manyFindings(60))) as unknown[];
    expect(doc.length).toBe(manyFindings(60).filter((f) => f.resource.provider === 'aws' && f.status !== 'NOT_APPLICABLE' && /^\d{12}$/.test(f.resource.account)).length);
  });
});

describe('registry', () => {
  it('registers every format and builds context-aware ones', () => {
    for (const id of ['csv', 'ocsf', 'ocsf-json', 'asff', 'sarif', 'junit']) expect(formatters.has(id)).toBe(true);
    const line = formatter('ocsf', { contract: { id: 'c1', title: 'C' } }).finding!(finding(), 0);
    expect(JSON.parse(line)).toHaveProperty('compliance.standards', ['c1', 'cis-aws-3.0']);
    expect(summaryOf([]).findings).toBe(0);
  });
});

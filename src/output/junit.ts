import type { Finding } from '../core/finding.js';
import type { ScanSummary } from '../core/summary.js';
import type { Formatter } from './types.js';
import { xmlEscape as x } from './xml.js';

interface Suite { cases: string[]; failures: number; errors: number; skipped: number }

function testcase(f: Finding): { xml: string; outcome: 'pass' | 'failure' | 'error' | 'skipped' } {
  const name = `${f.resource.id}${f.resource.name && f.resource.name !== f.resource.id ? ` (${f.resource.name})` : ''}`;
  const open = `<testcase classname="${x(f.check.id)}" name="${x(name)}" time="0">`;
  const detail = [
    f.message,
    `resource: ${f.resource.provider} ${f.resource.account} ${f.resource.region} ${f.resource.type}`,
    `evidence: ${JSON.stringify(f.evidence)}`,
    `remediation: ${f.remediation.text}${f.remediation.cli ? `\n${f.remediation.cli}` : ''}`,
  ].join('\n');
  if (f.muted && f.status === 'FAIL') {
    return { outcome: 'skipped', xml: `${open}<skipped message="${x(`muted: ${f.mute?.reason ?? ''}`)}"/></testcase>` };
  }
  switch (f.status) {
    case 'PASS':
      return { outcome: 'pass', xml: `${open}</testcase>` };
    case 'FAIL':
      return { outcome: 'failure', xml: `${open}<failure message="${x(f.message)}" type="${x(f.severity)}">${x(detail)}</failure></testcase>` };
    case 'ERROR':
      return {
        outcome: 'error',
        xml: `${open}<error message="${x(f.error ? `${f.error.code} ${f.error.operation}: ${f.error.message}` : f.message)}" type="${x(f.error?.code ?? 'ERROR')}">${x(detail)}</error></testcase>`,
      };
    case 'NOT_ASSESSED':
    case 'NOT_APPLICABLE':
      return { outcome: 'skipped', xml: `${open}<skipped message="${x(f.message)}"/></testcase>` };
  }
}

/**
 * JUnit XML: one testsuite per check, one testcase per check x resource. FAIL is a failure,
 * ERROR an error, NOT_ASSESSED and NOT_APPLICABLE (and a muted FAIL, an accepted exception)
 * skipped, the message saying which ("Not assessed: set policy.requiredTags"). Suites need
 * their counts in the opening tag, so cases are kept (as XML text) until the end.
 */
export function junitFormatter(): Formatter {
  let suites = new Map<string, Suite>();
  return {
    id: 'junit',
    extension: 'junit.xml',
    mediaType: 'application/xml',
    begin() {
      suites = new Map();
      return '';
    },
    finding(f) {
      let suite = suites.get(f.check.id);
      if (!suite) suites.set(f.check.id, (suite = { cases: [], failures: 0, errors: 0, skipped: 0 }));
      const { xml, outcome } = testcase(f);
      suite.cases.push(xml);
      if (outcome === 'failure') suite.failures++;
      else if (outcome === 'error') suite.errors++;
      else if (outcome === 'skipped') suite.skipped++;
      return '';
    },
    end(summary: ScanSummary) {
      let tests = 0, failures = 0, errors = 0, skipped = 0;
      const body: string[] = [];
      for (const [id, s] of suites) {
        tests += s.cases.length; failures += s.failures; errors += s.errors; skipped += s.skipped;
        body.push(`  <testsuite name="${x(id)}" tests="${s.cases.length}" failures="${s.failures}" errors="${s.errors}" skipped="${s.skipped}" time="0" timestamp="${x(summary.startedAt)}">`);
        for (const c of s.cases) body.push(`    ${c}`);
        body.push('  </testsuite>');
      }
      const seconds = (summary.durationMs / 1000).toFixed(3);
      return [
        '<?xml version="1.0" encoding="UTF-8"?>',
        `<testsuites name="dutyscan ${x(summary.contract.id)}" tests="${tests}" failures="${failures}" errors="${errors}" skipped="${skipped}" time="${seconds}">`,
        ...body,
        '</testsuites>',
        '',
      ].join('\n');
    },
  };
}

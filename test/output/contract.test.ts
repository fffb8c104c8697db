import { describe, expect, it } from 'vitest';
import { contractFormatter, md } from '../../src/output/contract.js';
import { formatter } from '../../src/output/registry.js';
import { finding, render, summaryOf } from '../support/findings.js';

const mfa = [{ id: 'access.mfa', title: 'MFA', clauses: ['S1'] }];
const enc = [{ id: 'data.encryption-at-rest', title: 'Encryption at rest', clauses: ['S4'] }];
const net = [{ id: 'network.exposure', title: 'Exposure', clauses: ['S5'] }];
const residency = [{ id: 'data.residency', title: 'Residency', clauses: ['S10'] }];
const unjudged = (name: string, setting: string) =>
  finding({ status: 'NOT_ASSESSED', obligations: residency, resource: { id: name, name }, message: `Not assessed: set ${setting}`, notAssessed: { setting } });

const findings = [
  finding({ status: 'FAIL', obligations: mfa, check: { id: 'aws-iam-user-mfa-enabled', title: 'Console users have MFA' }, resource: { id: 'arn:aws:iam::111122223333:user/<script>x</script>', name: 'al|ice*_`' }, evidence: { mfaDevices: 0, note: '```' }, firstSeen: '2026-10-01T00:00:00Z' }),
  finding({ status: 'PASS', obligations: mfa, check: { id: 'aws-iam-user-mfa-enabled' }, resource: { id: 'arn:aws:iam::111122223333:user/bob', name: 'bob' } }),
  finding({ status: 'PASS', obligations: enc, resource: { id: 'b1', name: 'b1' } }),
  finding({ status: 'PASS', obligations: enc, resource: { id: 'b2', name: 'b2' } }),
  finding({ status: 'ERROR', obligations: net, resource: { id: 'sg-1', name: 'sg-1' } }),
  finding({ status: 'PASS', obligations: net, resource: { id: 'sg-2', name: 'sg-2' } }),
  finding({ status: 'FAIL', muted: true, mute: { reason: 'legacy until Q3', owner: 'ops', rule: 0 }, obligations: enc, resource: { id: 'b3', name: 'b3' } }),
  unjudged('eu-west-1', 'policy.allowedRegions.aws'),
  unjudged('westeurope', 'policy.allowedRegions.azure'),
  finding({ status: 'NOT_APPLICABLE', obligations: residency, resource: { id: 'global-thing', name: 'global-thing' } }),
];
const summary = summaryOf(findings, { complete: false });

describe('contract compliance report', () => {
  it('Markdown: per clause status, resources evaluated / not evaluable, failing resources with evidence, attestations', () => {
    const text = render(contractFormatter('md'), findings, summary);
    const section = (id: string) => {
      const start = text.indexOf(`\n## Clause ${id}:`);
      return text.slice(start, text.indexOf('\n## ', start + 5));
    };
    expect(text).toContain('# Contract compliance report: Customer duties in IaaS agreements (generic profile)');
    expect(text).toContain('The scan is incomplete');
    expect(section('S1')).toContain('**Status: not met.**');
    expect(section('S1')).toContain('Resources evaluated: 2; not evaluable: 0.');
    expect(section('S1')).toContain('### Failing resources (1)');
    expect(section('S1')).toContain('"mfaDevices": 0');
    expect(section('S1')).toContain('Since 2026-10-01T00:00:00Z');
    expect(section('S1')).toContain('Remediation: Enable default encryption');
    expect(section('S4')).toContain('**Status: met.**');
    expect(section('S4')).toContain('Accepted exceptions (muted failures)');
    expect(section('S4')).toContain('legacy until Q3 (owner ops)');
    expect(section('S5')).toContain('**Status: incomplete');
    expect(section('S5')).toContain('not evaluable: 1');
    expect(section('S5')).toContain('ACCESS\\_DENIED s3:GetBucketEncryption');
    // A policy left empty: not assessed, naming the settings, never "not applicable".
    expect(section('S10')).toContain('**Status: not assessed: set policy.allowedRegions.aws, policy.allowedRegions.azure.**');
    expect(section('S10')).toContain('Not assessed: 2 resource(s); set policy.allowedRegions.aws, policy.allowedRegions.azure and scan again.');
    expect(text).toMatch(/\| S10 \| [^|]+ \| \*\*not assessed: set policy.allowedRegions.aws, policy.allowedRegions.azure\*\* \| 0 \| 0 \| 2 \| 0 \|/);
    // Nothing in scope and nothing an API can prove: a manual attestation, never "met".
    expect(section('S13')).toContain('**Status: manual attestation needed.**');
    const attest = text.slice(text.indexOf('## Attestations to sign'));
    expect(attest).toContain('`people.training`');
    expect(attest).toContain('(manual)');
    expect(attest).toContain('`access.least-privilege`');
    expect(attest).toContain('Attested by:');
    // Hostile names cannot break the Markdown or inject HTML; evidence fences outgrow its backticks.
    expect(text).not.toContain('<script>');
    expect(text).toContain('al\\|ice\\*\\_\\`');
    expect(text).toContain('````json');
  });

  it('HTML: same content, everything escaped', () => {
    expect(formatter('contract-html').id).toBe('contract-html');
    const doc = render(contractFormatter('html'), findings, summary);
    expect(doc).toContain('<section id="clause-S1">');
    expect(doc).toContain('not met');
    expect(doc).toContain('manual attestation needed');
    expect(doc).not.toContain('<script>');
    expect(doc).toContain('&lt;script&gt;x&lt;/script&gt;');
    expect(doc).toContain('id="attestations"');
    const s10 = doc.slice(doc.indexOf('<section id="clause-S10">'));
    expect(s10.slice(0, s10.indexOf('</section>'))).toContain('not assessed: set policy.allowedRegions.aws, policy.allowedRegions.azure');
  });

  it('md() escapes markup characters and newlines', () => {
    expect(md('a|b\n*c* <b>')).toBe('a\\|b \\*c\\* &lt;b&gt;');
  });
});

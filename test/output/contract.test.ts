import { describe, expect, it } from 'vitest';
import { contractFormatter, md } from '../../src/output/contract.js';
import { loadCatalog, resolveContract } from '../../src/mapping/catalog.js';
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
    expect(section('S1')).toContain('Resources evaluated: 2. Results: 1 failing, 0 not evaluable, 0 not assessed.');
    expect(section('S1')).toContain('### Failing resources (1)');
    expect(section('S1')).toContain('"mfaDevices": 0');
    expect(section('S1')).toContain('Since 2026-10-01T00:00:00Z');
    expect(section('S1')).toContain('Remediation: Enable default encryption');
    expect(section('S4')).toContain('**Status: met.**');
    expect(section('S4')).toContain('**Status: met.** 1 accepted exception(s).');
    expect(section('S4')).toContain('Accepted exceptions (muted failures)');
    expect(section('S4')).toContain('legacy until Q3 (owner ops)');
    expect(section('S5')).toContain('**Status: incomplete');
    expect(section('S5')).toContain('1 not evaluable (on 1 resource(s))');
    expect(section('S5')).toContain('ACCESS\\_DENIED s3:GetBucketEncryption');
    // A policy left empty: not assessed, naming the settings, never "not applicable".
    expect(section('S10')).toContain('**Status: not assessed: set policy.allowedRegions.aws, policy.allowedRegions.azure.**');
    expect(section('S10')).toContain('Not assessed: 2 resource(s); set policy.allowedRegions.aws, policy.allowedRegions.azure and scan again.');
    expect(text).toMatch(/\| S10 \| [^|]+ \| \*\*not assessed: set policy.allowedRegions.aws, policy.allowedRegions.azure\*\* \| 0 \| 0 \| 0 \| 0 \| 2 \|/);
    expect(text).toMatch(/\| S4 \| [^|]+ \| \*\*met\*\* \+ attestation \| 1 \| 3 \| 0 \| 0 \| 0 \|/);
    // Nothing in scope and nothing an API can prove: a manual attestation, never "met".
    expect(section('S13')).toContain('**Status: manual attestation needed.**');
    const attest = text.slice(text.indexOf('## Attestations\n'));
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

  it('neutralises control characters from cloud data (an ANSI escape, a bell, a C1 CSI) in both reports, as the table and CSV do', () => {
    const hostile = [
      finding({ status: 'FAIL', obligations: mfa, resource: { id: 'arn:aws:iam::1:user/x\u001b]0;pwned\u0007', name: 'eve\u001b[2J\u009b31m' }, message: 'bad\u0000\u0008\u007f key', evidence: { tag: 'v\u009b1m\u0085' } }),
      finding({ status: 'ERROR', obligations: net, resource: { id: 'sg-\u001b[1m', name: 'sg\u000b' } }),
      finding({ status: 'FAIL', muted: true, mute: { reason: 'ok\u001b[8m hidden', rule: 0 }, obligations: enc, resource: { id: 'b9', name: 'b9' } }),
    ];
    const controls = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
    for (const kind of ['md', 'html'] as const) {
      const doc = render(contractFormatter(kind), hostile, summaryOf(hostile));
      expect(doc, kind).not.toMatch(controls);
      expect(doc, kind).toMatch(/eve\uFFFD\\?\[2J\uFFFD31m/);
      // Evidence stays valid JSON: the C1 characters JSON.stringify leaves raw are escaped instead.
      expect(doc, kind).toContain('v\\u009b1m\\u0085');
    }
  });

  it("shows the profile's source, notes and the definitions each clause relies on", () => {
    const catalog = loadCatalog();
    const profile = resolveContract(catalog, 'cn-cloud-security-2026');
    const load = () => ({ profile, obligations: catalog.obligations });
    const text = render(contractFormatter('md', load), findings, summary);
    expect(text).toContain('## About this contract profile');
    expect(text).toMatch(/Notes: The source document is cut off in the middle of clause 2\.2\.2/);
    expect(text).toContain('the mappings of 2.2.2 rest on its heading');
    expect(text).toMatch(/\| 1\.1 \| 云服务 \(cloud service\) \| Any service the provider delivers/);
    expect(text).toMatch(/\| 1\.2 \| 用户数据 \(user data \/ customer data\) \|/);
    const clause = (id: string) => text.slice(text.indexOf(`## Clause ${id}:`), text.indexOf('\n## ', text.indexOf(`## Clause ${id}:`) + 5));
    expect(clause('2.2.1')).toContain('Relies on: 1.1 *云服务 (cloud service)*');
    expect(clause('2.2.1')).toContain('; 1.2 *用户数据 (user data / customer data)*');
    expect(clause('2.2.2')).toContain('Relies on: 1.1 *云服务 (cloud service)*');
    expect(clause('2.2.2')).not.toContain('1.2 *');
    const html = render(contractFormatter('html', load), findings, summary);
    expect(html).toContain('<section id="profile">');
    expect(html).toContain('cut off in the middle of clause 2.2.2');
    expect(html).toMatch(/<table class="grid" id="definitions">.*<td>1\.2<\/td><td>用户数据/s);
    expect(html).toContain('<p class="relies-on">Relies on: 1.1 <em>云服务 (cloud service)</em>');
  });

  it('md() escapes markup characters and newlines', () => {
    expect(md('a|b\n*c* <b>')).toBe('a\\|b \\*c\\* &lt;b&gt;');
  });
});

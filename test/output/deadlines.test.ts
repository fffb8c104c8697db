/**
 * Contract deadlines in every document that carries them: the contract reports, OCSF
 * (finding_info.tags, validated against the OCSF 1.8.0 schema) and the OSCAL POA&M (the risk's
 * deadline and a milestone, validated against NIST's schema).
 */
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/core/finding.js';
import { loadCatalog, resolveContract } from '../../src/mapping/catalog.js';
import { contractFormatter, type ContractSource } from '../../src/output/contract.js';
import { toOcsf } from '../../src/output/ocsf.js';
import { oscalPoamFormatter } from '../../src/output/oscal.js';
import { expectValidOcsf, expectValidOscal, validateOscal } from '../support/documents.js';
import { finding, render, summaryOf } from '../support/findings.js';

const mfa = [{ id: 'access.mfa', title: 'MFA', clauses: ['S1'] }];
const enc = [{ id: 'data.encryption-at-rest', title: 'Encryption at rest', clauses: ['S4'] }];
const OVERDUE_DUE = '2026-11-09T00:00:00.000Z';
const WITHIN_DUE = '2026-12-21T00:00:00.000Z';

const overdue = finding({ status: 'FAIL', obligations: mfa, resource: { id: 'arn:aws:iam::111122223333:user/bob', name: 'bob' }, firstSeen: '2026-10-26T00:00:00.000Z', curePeriod: '14d', dueAt: OVERDUE_DUE, overdue: true });
const within = finding({ status: 'FAIL', obligations: enc, resource: { id: 'arn:aws:s3:::b1', name: 'b1' }, curePeriod: '14d', dueAt: WITHIN_DUE, overdue: false, time: '2026-12-07T00:00:00.000Z' });
const muted = finding({ status: 'FAIL', muted: true, mute: { reason: 'accepted', rule: 0 }, obligations: enc, resource: { id: 'arn:aws:s3:::b2', name: 'b2' } });
const error = finding({ status: 'ERROR', obligations: enc, resource: { id: 'arn:aws:s3:::b3', name: 'b3' } });
const plain = finding({ status: 'FAIL', obligations: enc, resource: { id: 'arn:aws:s3:::b4', name: 'b4' } });
const findings: Finding[] = [within, overdue, muted, error, plain];
const summary = summaryOf(findings, { source: 'live' });

const catalog = loadCatalog();
const withProfile = (curePeriods: boolean) => (): ContractSource => {
  const profile = resolveContract(catalog, 'iaas-customer-duties');
  const { curePeriod: _c, ...without } = profile;
  return { profile: curePeriods ? profile : without, obligations: catalog.obligations };
};

describe('contract report deadlines', () => {
  it('Markdown: a deadlines section, overdue first, and each failing resource with its due date, the overdue one marked', () => {
    const text = render(contractFormatter('md', withProfile(true)), findings, summary);
    const deadlines = text.slice(text.indexOf('\n## Deadlines'), text.indexOf('\n## Clause S1'));
    expect(deadlines).toContain('1 of 2 failing finding(s) with a cure period are **overdue**.');
    expect(deadlines).toContain('This scan had no history: each failure counts from this scan');
    const rows = deadlines.split('\n').filter((l) => l.startsWith('| 2026'));
    expect(rows).toEqual([
      `| ${OVERDUE_DUE} | **overdue** | S1 | bob | \`${overdue.check.id}\` | 14d | 2026-10-26T00:00:00.000Z |`,
      `| ${WITHIN_DUE} | within period | S4 | b1 | \`${within.check.id}\` | 14d | 2026-12-07T00:00:00.000Z |`,
    ]);
    const s1 = text.slice(text.indexOf('\n## Clause S1:'), text.indexOf('\n## Clause S2:'));
    expect(s1).toContain('**Deadlines: 1 overdue.**');
    expect(s1).toContain(`  - **OVERDUE: was due ${OVERDUE_DUE} (cure period 14d)**`);
    const s4 = text.slice(text.indexOf('\n## Clause S4:'), text.indexOf('\n## Clause S5:'));
    expect(s4).toContain(`**Deadlines: 0 overdue; next due ${WITHIN_DUE}.**`);
    expect(s4).toContain(`  - due ${WITHIN_DUE} (cure period 14d)`);
    // Muted, ERROR and period-less failures have no due date.
    expect(s4.match(/^  - due /gm)).toHaveLength(1);
  });

  it('HTML: the same, the overdue row and item marked', () => {
    const text = render(contractFormatter('html', withProfile(true)), findings, summary);
    expect(text).toContain(`<tr class="overdue"><td>${OVERDUE_DUE}</td><td><strong>overdue</strong></td><td>S1</td><td>bob</td>`);
    expect(text).toContain(`<div class="due"><strong class="overdue">OVERDUE: was due ${OVERDUE_DUE} (cure period 14d)</strong></div>`);
    expect(text).toContain(`<div class="due">due ${WITHIN_DUE} (cure period 14d)</div>`);
    expect(text).toContain('<p class="deadlines"><strong>Deadlines: 1 overdue.</strong></p>');
  });

  it('says why there is no deadline: no failure has one, or the profile gives no cure period', () => {
    const none = [muted, error];
    expect(render(contractFormatter('md', withProfile(true)), none, summaryOf(none))).toContain('## Deadlines\n\nNo failing finding has a deadline.');
    expect(render(contractFormatter('md', withProfile(false)), none, summaryOf(none))).toContain('## Deadlines\n\nThe contract profile gives no cure period: no deadline applies.');
    expect(render(contractFormatter('html', withProfile(false)), none, summaryOf(none))).toContain('<section id="deadlines"><h2>Deadlines</h2><p>The contract profile gives no cure period');
  });

  it('says where the first-seen dates come from: the demo\'s history, or the service\'s store (serve --demo too)', () => {
    const demo = summaryOf(findings, { source: 'demo' });
    expect(render(contractFormatter('md', withProfile(true)), findings, demo)).toContain('First-seen dates come from the demo\'s history');
    const stored = findings.map((f) => ({ ...f, lastSeen: f.time }));
    expect(render(contractFormatter('md', withProfile(true)), stored, demo)).toContain('comes from the service\'s history store, as of this scan');
  });
});

describe('OCSF deadline', () => {
  it('carries the due date, cure period and overdue flag in finding_info.tags, and the event stays valid', () => {
    const event = toOcsf(overdue) as { finding_info: { tags?: unknown } };
    expectValidOcsf(event);
    expect(event.finding_info.tags).toEqual([
      { name: 'due_time', value: OVERDUE_DUE },
      { name: 'cure_period', value: '14d' },
      { name: 'overdue', value: 'true' },
    ]);
    for (const f of [muted, error, plain]) {
      const e = toOcsf(f) as { finding_info: Record<string, unknown> };
      expectValidOcsf(e);
      expect(e.finding_info).not.toHaveProperty('tags');
    }
  });
});

describe('OSCAL POA&M deadline', () => {
  interface Risk { uuid: string; deadline?: string; props: { name: string; value: string }[]; remediations: { tasks?: { type: string; title: string; timing: { 'on-date': { date: string } } }[] }[] }
  const doc = JSON.parse(render(oscalPoamFormatter(), findings, summary)) as {
    'plan-of-action-and-milestones': { risks: Risk[]; 'poam-items': { props: { name: string; value: string }[] }[] };
  };
  const poam = doc['plan-of-action-and-milestones'];
  const riskOf = (f: Finding) => poam.risks.find((r) => r.props.some((p) => p.name === 'finding-id' && p.value === f.id))!;
  const itemOf = (f: Finding) => poam['poam-items'].find((i) => i.props.some((p) => p.name === 'finding-id' && p.value === f.id))!;

  it('validates against the NIST schema', () => expectValidOscal(validateOscal.poam, doc));

  it('gives a failing finding\'s risk its deadline and a milestone on the due date; the item says overdue', () => {
    expect(riskOf(overdue).deadline).toBe(OVERDUE_DUE);
    expect(riskOf(overdue).remediations[0]!.tasks).toEqual([expect.objectContaining({
      type: 'milestone',
      title: 'Cure period (14d) of contract profile iaas-customer-duties ends: overdue',
      timing: { 'on-date': { date: OVERDUE_DUE } },
    })]);
    expect(itemOf(overdue).props).toEqual(expect.arrayContaining([
      expect.objectContaining({ name: 'due', value: OVERDUE_DUE }),
      expect.objectContaining({ name: 'overdue', value: 'true' }),
      expect.objectContaining({ name: 'cure-period', value: '14d' }),
    ]));
    expect(itemOf(within).props).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'overdue', value: 'false' })]));
  });

  it('gives none to an ERROR or a failure without a cure period', () => {
    for (const f of [error, plain]) {
      expect(riskOf(f)).not.toHaveProperty('deadline');
      expect(riskOf(f).remediations[0]).not.toHaveProperty('tasks');
      expect(itemOf(f).props.map((p) => p.name)).not.toContain('due');
    }
  });
});

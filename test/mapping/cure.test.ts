import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dueAt, isOverdue, periodMs, withDeadline } from '../../src/core/deadline.js';
import type { ObligationRef } from '../../src/core/finding.js';
import { ConfigErrors } from '../../src/config/errors.js';
import { loadCatalog } from '../../src/mapping/catalog.js';
import { curePeriodIndex } from '../../src/mapping/cure.js';
import { checkContractProfile, loadContractProfile } from '../../src/mapping/profile.js';
import { finding } from '../support/findings.js';

const known = new Set(loadCatalog().obligations.keys());
const dir = mkdtempSync(join(tmpdir(), 'dutyscan-cure-'));
const write = (name: string, text: string) => {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
};

const PROFILE = `id: deadlines
title: Deadlines
curePeriod: { critical: 7d, high: 14d, medium: 30d }
obligationCurePeriods:
  access.mfa: { critical: 72h }
clauses:
  - id: '1'
    title: Access
    summary: access
    obligations: [access.mfa, access.review]
    curePeriod: { high: 10d }
  - id: '2'
    title: Logging
    summary: logging
    obligations: [audit.logging, access.review]
    curePeriod: 2w
`;

const ref = (id: string, clauses: string[]): ObligationRef => ({ id, title: id, clauses });

describe('cure periods: parsing', () => {
  it('reads whole hours, days and weeks, and nothing else', () => {
    expect([periodMs('72h'), periodMs('30d'), periodMs('2w')]).toEqual([72 * 3_600_000, 30 * 86_400_000, 14 * 86_400_000]);
    for (const bad of ['0d', '30', '1.5d', '30 d', '1m', 'P30D', '-3d', '', '123456d']) expect(periodMs(bad), bad).toBeUndefined();
  });
});

describe('cure periods: precedence (obligation > clause > profile default; the shortest pair wins)', () => {
  const { profile, problems } = checkContractProfile('deadlines.yaml', PROFILE, known);
  const cure = curePeriodIndex(profile);

  it('loads the profile without problems', () => expect(problems).toEqual([]));

  it('takes the obligation\'s period for the severity it names', () => {
    expect(cure([ref('access.mfa', ['1'])], 'critical')).toBe('72h');
  });

  it('falls through to the clause for a severity the obligation does not name, then to the profile default', () => {
    expect(cure([ref('access.mfa', ['1'])], 'high')).toBe('10d');
    expect(cure([ref('access.mfa', ['1'])], 'medium')).toBe('30d');
  });

  it('gives no deadline where no level names the severity', () => {
    expect(cure([ref('access.mfa', ['1'])], 'low')).toBeUndefined();
    expect(cure([ref('access.mfa', ['1'])], 'info')).toBeUndefined();
  });

  it('a flat clause period covers every severity of its clause', () => {
    expect(cure([ref('audit.logging', ['2'])], 'low')).toBe('2w');
    expect(cure([ref('audit.logging', ['2'])], 'critical')).toBe('2w');
  });

  it('a finding under several clauses or obligations is due by the shortest of their periods', () => {
    // access.review is in clause 1 (high: 10d) and clause 2 (2w).
    expect(cure([ref('access.review', ['1', '2'])], 'high')).toBe('10d');
    // medium: clause 1 has none, so the default 30d; clause 2 says 2w: 14 days is shorter.
    expect(cure([ref('access.review', ['1', '2'])], 'medium')).toBe('2w');
    expect(cure([ref('access.mfa', ['1']), ref('audit.logging', ['2'])], 'critical')).toBe('72h');
  });

  it('an obligation outside the profile\'s clauses gives no deadline', () => {
    expect(cure([ref('audit.logging', [])], 'high')).toBeUndefined();
  });

  it('a profile without cure periods gives none', () => {
    const plain = checkContractProfile('plain.yaml', 'id: p\ntitle: P\nclauses:\n  - id: "1"\n    title: T\n    summary: S\n    obligations: [access.mfa]\n', known).profile;
    expect(curePeriodIndex(plain)([ref('access.mfa', ['1'])], 'critical')).toBeUndefined();
  });
});

describe('cure periods: profile errors name file, line and key', () => {
  const schemaErrors = (name: string, text: string): string[] => {
    const file = write(name, text);
    try {
      loadContractProfile(file, known);
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigErrors);
      return (e as ConfigErrors).errors.map((x) => x.message.replace(file, 'FILE'));
    }
    return expect.unreachable('the profile loaded');
  };

  it('refuses a period that is not one, an unknown severity and an empty per-severity map', () => {
    const messages = schemaErrors('bad.yaml', `id: bad
title: Bad
curePeriod: 30 days
clauses:
  - id: '1'
    title: T
    summary: S
    obligations: [access.mfa]
    curePeriod: { urgent: 7d }
  - id: '2'
    title: T
    summary: S
    curePeriod: {}
`);
    expect(messages).toEqual([
      'FILE:3: curePeriod: a cure period such as 72h, 30d or 2w',
      'FILE:9: clauses[0].curePeriod.urgent: unknown key "urgent"',
      'FILE:9: clauses[0].curePeriod: name at least one severity: critical, high, medium, low, info',
      'FILE:13: clauses[1].curePeriod: name at least one severity: critical, high, medium, low, info',
    ]);
  });

  it('names an obligation period for an unknown obligation, or one no clause lists, with its line', () => {
    const file = write('unused.yaml', `id: unused
title: Unused
obligationCurePeriods:
  access.mfa: 7d
  acess.review: 7d
  audit.logging: 30d
clauses:
  - id: '1'
    title: T
    summary: S
    obligations: [access.mfa]
`);
    expect(loadContractProfile(file, known).problems.map((p) => p.message)).toEqual([
      `${file}:5: obligationCurePeriods.acess.review: unknown obligation "acess.review" (did you mean "access.review"?); see dutyscan obligations list`,
      `${file}:6: obligationCurePeriods.audit.logging: no clause of this profile lists obligation "audit.logging", so its cure period would never apply`,
    ]);
  });
});

describe('due dates and overdue, at the boundaries', () => {
  const since = '2026-11-01T00:00:00.000Z';

  it('counts the period from the first failing sighting, across month ends and in hours', () => {
    expect(dueAt(since, '30d')).toBe('2026-12-01T00:00:00.000Z');
    expect(dueAt('2026-02-27T12:00:00.000Z', '2d')).toBe('2026-03-01T12:00:00.000Z');
    expect(dueAt(since, '72h')).toBe('2026-11-04T00:00:00.000Z');
    expect(() => dueAt(since, '30')).toThrow(/not a cure period/);
  });

  it('is not overdue at the due instant, and is one millisecond later', () => {
    const due = dueAt(since, '1d');
    expect(isOverdue(due, new Date(Date.parse(due) - 1))).toBe(false);
    expect(isOverdue(due, new Date(due))).toBe(false);
    expect(isOverdue(due, new Date(Date.parse(due) + 1))).toBe(true);
  });

  it('gives a deadline to an unmuted FAIL with a cure period only; anything else loses a stale one', () => {
    const now = new Date('2026-11-20T00:00:00.000Z');
    expect(withDeadline(finding({ status: 'FAIL', curePeriod: '14d' }), since, now)).toMatchObject({ dueAt: '2026-11-15T00:00:00.000Z', overdue: true });
    expect(withDeadline(finding({ status: 'FAIL', curePeriod: '30d' }), since, now)).toMatchObject({ dueAt: '2026-12-01T00:00:00.000Z', overdue: false });
    const stale = { dueAt: '2026-01-01T00:00:00.000Z', overdue: true };
    for (const f of [
      finding({ status: 'FAIL', ...stale }),
      finding({ status: 'FAIL', muted: true, curePeriod: '14d', ...stale }),
      finding({ status: 'ERROR', curePeriod: '14d', ...stale }),
      finding({ status: 'PASS', curePeriod: '14d', ...stale }),
    ]) {
      const out = withDeadline(f, since, now);
      expect(out).not.toHaveProperty('dueAt');
      expect(out).not.toHaveProperty('overdue');
    }
  });
});

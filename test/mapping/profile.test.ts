import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigErrors } from '../../src/config/errors.js';
import { loadCatalog } from '../../src/mapping/catalog.js';
import { loadContractProfile, unreviewedWarning } from '../../src/mapping/profile.js';
import { configDir } from '../../src/util/paths.js';

const known = new Set(loadCatalog().obligations.keys());
const dir = mkdtempSync(join(tmpdir(), 'dutyscan-profile-'));
const write = (name: string, text: string) => {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
};

const BROKEN = `id: broken
title: Broken
definitions:
  - clause: '1.1'
    term: Data
    meaning: data
clauses:
  - id: '2.1'
    title: One
    summary: one
    relies_on: ['1.1', '1.9']
    obligations: [access.mfa, acess.review]
    review: required
  - id: '2.1'
    title: Two
    summary: two
    obligations: [audit.logging]
`;

describe('contract profile checks (the loader and contract lint)', () => {
  it('names file, key path and line for an unknown obligation, a duplicate clause id and a relies_on without a definition', () => {
    const file = write('broken.yaml', BROKEN);
    const { problems, unreviewed } = loadContractProfile(file, known);
    expect(problems.map((p) => p.message)).toEqual([
      `${file}:12: clauses[0].obligations[1]: unknown obligation "acess.review" (did you mean "access.review"?); see dutyscan obligations list`,
      `${file}:11: clauses[0].relies_on[1]: relies on "1.9", which no entry of definitions has as its clause (defined: 1.1)`,
      `${file}:14: clauses[1].id: duplicate clause id "2.1" (also clauses[0], line 8)`,
    ]);
    expect(unreviewed).toEqual([{ clause: '2.1', line: 13 }]);
  });

  it('accepts only "required" as a review marker and a URL as a citation, with lines', () => {
    const file = write('markers.yaml', 'id: m\ntitle: M\nclauses:\n  - id: "1"\n    title: T\n    summary: S\n    review: done\n    citation: eur-lex\n');
    try {
      loadContractProfile(file, known);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigErrors);
      const messages = (e as ConfigErrors).errors.map((x) => x.message);
      expect(messages.some((m) => m.startsWith(`${file}:7: clauses[0].review: only "required"`))).toBe(true);
      expect(messages.some((m) => m.startsWith(`${file}:8: clauses[0].citation: a URL`))).toBe(true);
    }
  });

  it('finds nothing wrong with the bundled profiles, and nothing left to review', () => {
    for (const name of ['iaas-customer-duties', 'cn-cloud-security-2026', 'nis2-art21-2', 'dora-ict-risk-management', 'gbt-22239-2019-cloud-customer']) {
      const loaded = loadContractProfile(join(configDir, 'contracts', `${name}.yaml`), known);
      expect(loaded.problems, name).toEqual([]);
      expect(loaded.unreviewed, name).toEqual([]);
      expect(unreviewedWarning(loaded.profile)).toBeUndefined();
    }
  });

  it('cites, for every requirement of the regulation profiles, where its official text can be read', () => {
    for (const name of ['nis2-art21-2', 'dora-ict-risk-management', 'gbt-22239-2019-cloud-customer']) {
      const { profile } = loadContractProfile(join(configDir, 'contracts', `${name}.yaml`), known);
      for (const clause of profile.clauses) {
        expect(clause.citation, `${name} ${clause.id}`).toMatch(/^https:\/\/(eur-lex\.europa\.eu|openstd\.samr\.gov\.cn)\//);
        expect(clause.obligations.length, `${name} ${clause.id}`).toBeGreaterThan(0);
      }
      expect(profile.notes, name).toMatch(/Left out/);
    }
  });

  it('warns about the clauses still marked for review', () => {
    const { profile } = loadContractProfile(write('draft.yaml', 'id: d\ntitle: D\nclauses:\n  - {id: "1", title: T, summary: S, review: required}\n  - {id: "2", title: T, summary: S}\n'), known);
    expect(unreviewedWarning(profile)).toMatch(/"d" has 1 clause\(s\) marked "review: required" \(1\)/);
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { loadCatalog } from '../../src/mapping/catalog.js';
import type { ContractProfile } from '../../src/mapping/schema.js';
import { sharedPath } from './shared.js';

const normalise = (text: string): string => text.replace(/\s+/g, ' ').trim();
const seedText = (seed: string): string => readFileSync(sharedPath('seeds', seed), 'utf8');

/** The seed's lines, whitespace-normalised: a cited heading or clause must start one of them. */
const seedLines = new Map<string, readonly string[]>();
function linesOf(seed: string): readonly string[] {
  let lines = seedLines.get(seed);
  if (!lines) {
    lines = seedText(seed).split(/\r?\n/).map(normalise).filter((l) => l.length > 0);
    seedLines.set(seed, lines);
  }
  return lines;
}

const catalog = loadCatalog();

const chineseProfile = (): ContractProfile => {
  const profile = catalog.contracts.get('cn-cloud-security-2026');
  if (!profile) throw new Error('contract profile cn-cloud-security-2026 did not load');
  return profile;
};

describe('provenance: the catalog cites the seed documents truthfully', () => {
  test.each([...catalog.obligations.keys()])('%s cites a section that really exists in a seed', (id) => {
    const obligation = catalog.obligations.get(id);
    expect(obligation?.sources.length).toBeGreaterThanOrEqual(1);
    for (const { seed, section } of obligation?.sources ?? []) {
      const heading = normalise(section);
      // A heading or clause number begins a line of the seed; a phrase from mid-paragraph does not count.
      expect(
        linesOf(seed).some((line) => line.startsWith(heading)),
        `${id}: no line of ${seed} starts with "${heading}"`,
      ).toBe(true);
    }
  });

  test('each Chinese clause and definition is present in its seed', () => {
    const cn = chineseProfile();
    const seed = cn.source?.seed ?? '';
    for (const definition of cn.definitions) {
      const chineseTerm = definition.term.split(' ')[0] ?? '';
      expect(linesOf(seed).some((line) => line.startsWith(`${definition.clause}“${chineseTerm}”`)), definition.clause).toBe(true);
    }
    for (const clause of cn.clauses) {
      const chineseTitle = clause.title.split(' ')[0] ?? '';
      expect(linesOf(seed).some((line) => line.startsWith(`${clause.id}${chineseTitle}`)), clause.id).toBe(true);
    }
  });

  test('the Chinese seed really ends where the profile says it is cut off', () => {
    const text = normalise(seedText(chineseProfile().source?.seed ?? ''));
    // The quoted ending is really where the clause text stops: nothing of a 2.2.3 follows.
    expect(text).toContain('用户名和密 文档评论');
    expect(text).not.toContain('2.2.3');
  });
});

import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../../..');
const sources = (dir: string): string[] =>
  readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts')).map((f) => readFileSync(join(root, dir, f), 'utf8'));

describe('deploy/azure read-only role', () => {
  const role = JSON.parse(readFileSync(join(root, 'deploy/azure/dutyscan-reader.role.json'), 'utf8')) as { Actions: string[]; DataActions: string[] };
  const code = sources('providers/azure').join('\n');
  const used = new Set([...code.matchAll(/'(Microsoft\.[A-Za-z]+\/[A-Za-z/]+\/read)'/g)].map((m) => m[1]!));
  for (const which of ['keys', 'secrets']) used.add(`Microsoft.KeyVault/vaults/${which}/read`);

  it('grants every action the collectors name, and only reads', () => {
    const granted = new Set(role.Actions.map((a) => a.toLowerCase()));
    expect([...used].filter((a) => !granted.has(a.toLowerCase()))).toEqual([]);
    expect(role.Actions.filter((a) => !a.endsWith('/read'))).toEqual([]);
    expect(role.DataActions).toEqual([]);
  });
});

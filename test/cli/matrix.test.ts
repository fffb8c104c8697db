/**
 * `dutyscan checks matrix` as a user runs it (the built CLI): every shipped check in its cell of
 * the JSON exactly once, a table whose counts agree with it, and user mistakes that exit 2.
 */
import { describe, expect, it } from 'vitest';
import { DUTIES, type Duty } from '../../src/core/check.js';
import { allChecks } from '../../checks/index.js';
import { dutyscan } from '../support/cli.js';

type Matrix = Record<string, Record<string, Partial<Record<Duty, string[]>>>>;

describe('dutyscan checks matrix', () => {
  it('--format json places every shipped check once, under its provider, service and duty', async () => {
    const r = await dutyscan(['checks', 'matrix', '--format', 'json']);
    expect(r.code).toBe(0);
    const matrix = JSON.parse(r.stdout) as Matrix;
    const placed = Object.entries(matrix).flatMap(([provider, services]) =>
      Object.entries(services).flatMap(([service, duties]) =>
        Object.entries(duties).flatMap(([duty, ids]) => ids.map((id) => ({ id, provider, service, duty })))));
    expect(placed).toHaveLength(allChecks.length);
    expect(new Set(placed.map((p) => p.id)).size).toBe(allChecks.length);
    for (const check of allChecks) {
      expect(placed.find((p) => p.id === check.id)).toEqual({ id: check.id, provider: check.provider, service: check.service, duty: check.duty });
    }
    // Empty cells are absent, not empty lists.
    expect(placed.length).toBeGreaterThan(0);
    for (const services of Object.values(matrix)) for (const duties of Object.values(services)) for (const ids of Object.values(duties)) expect(ids.length).toBeGreaterThan(0);
  });

  it('draws a row per service with the count of each cell, a dot for a gap, and a closing line per provider', async () => {
    const [table, json] = await Promise.all([dutyscan(['checks', 'matrix']), dutyscan(['checks', 'matrix', '--format', 'json'])]);
    expect(table.code).toBe(0);
    const matrix = JSON.parse(json.stdout) as Matrix;
    const lines = table.stdout.split('\n');
    expect(lines[0]).toMatch(/^SERVICE\s+MFA\s+CRED\s+PRIV\s+REST\s+TRANS\s+NET\s+BKUP\s+TAGS\s+LOG\s+MON\s+IR\s+RESID\s+PATCH$/);
    for (const [provider, services] of Object.entries(matrix)) {
      for (const [service, duties] of Object.entries(services)) {
        const row = lines.find((l) => l.startsWith(`${provider}/${service} `));
        expect(row, `${provider}/${service}`).toBeDefined();
        expect(row!.split(/\s+/).slice(1)).toEqual(DUTIES.map((d) => String(duties[d]?.length ?? '·')));
      }
      const covered = DUTIES.filter((d) => Object.values(services).some((duties) => duties[d])).length;
      const n = Object.keys(services).length;
      expect(lines).toContain(`${provider}: ${n} service${n === 1 ? '' : 's'}, ${covered} dut${covered === 1 ? 'y' : 'ies'} covered of ${DUTIES.length}`);
    }
    expect(table.stdout).toContain('REST encryption-at-rest');
  });

  it('keeps to the providers and duties asked for, still naming a provider with nothing to show', async () => {
    const json = await dutyscan(['checks', 'matrix', '-p', 'aws,gcp', '--duty', 'mfa', '--format', 'json']);
    const matrix = JSON.parse(json.stdout) as Matrix;
    const expected = allChecks.filter((c) => ['aws', 'gcp'].includes(c.provider) && c.duty === 'mfa').map((c) => c.id).sort();
    expect(Object.values(matrix).flatMap((s) => Object.values(s).flatMap((d) => d.mfa ?? [])).sort()).toEqual(expected);
    expect(Object.keys(matrix).every((p) => p === 'aws' || p === 'gcp')).toBe(true);

    // Columns in duty order, whatever order they were asked in; no check of a duty is a line that says so.
    const table = await dutyscan(['checks', 'matrix', '-p', 'azure', 'gcp', '--duty', 'monitoring', 'mfa']);
    expect(table.code).toBe(0);
    const lines = table.stdout.split('\n');
    expect(lines[0]).toMatch(/^SERVICE\s+MFA\s+MON$/);
    expect(lines.some((l) => /^aws[/:]/.test(l))).toBe(false);
    expect(lines).toContain('azure: 1 service, 1 duty covered of 2');
    expect(lines.find((l) => l.startsWith('azure/entra '))).toMatch(/^azure\/entra\s+4\s+·$/);
    const none = await dutyscan(['checks', 'matrix', '-p', 'azure', '--duty', 'monitoring']);
    expect(none.stdout.split('\n').slice(0, 2)).toEqual(['SERVICE  MON', 'azure: 0 services, 0 duties covered of 1']);
  });

  it.each([
    [['--format', 'xml'], 'expected one of: text, json'],
    [['--provider', 'aw'], 'unknown provider "aw" (did you mean "aws"?)'],
    [['--duty', 'encryption'], 'unknown duty "encryption"'],
  ])('refuses %j with exit 2, naming what it expected', async (args, message) => {
    const r = await dutyscan(['checks', 'matrix', ...args]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stdout).toBe('');
  });
});

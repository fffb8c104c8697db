/**
 * Files that hold findings are owner-only (directories 0700, files 0600) under the usual umask
 * 022: reports, saved inventories and the history store with its WAL and shared-memory files.
 */
import { execFile } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.js';

const bin = join(import.meta.dirname, '../../bin/dutyscan.js');
const dir = mkdtempSync(join(tmpdir(), 'dutyscan-private-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const mode = (path: string) => (statSync(path).mode & 0o777).toString(8).padStart(4, '0');

/** The built CLI under umask 022, as a shell runs it. */
async function dutyscan(args: string[]): Promise<number> {
  const quoted = args.map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  try {
    await promisify(execFile)('/bin/sh', ['-c', `umask 022 && exec '${process.execPath}' '${bin}' ${quoted}`], { maxBuffer: 64 * 1024 * 1024 });
    return 0;
  } catch (e) {
    return (e as { code: number }).code;
  }
}

describe('files that hold findings are private', () => {
  it('scan --output-dir creates an owner-only directory of owner-only reports, and --save-inventory an owner-only file', async () => {
    const reports = join(dir, 'reports/nested');
    const inventory = join(dir, 'inventory.jsonl');
    expect(await dutyscan(['scan', '--demo', '--format', 'json', 'html', 'csv', '--output-dir', reports, '--save-inventory', inventory])).toBe(5);
    const files = readdirSync(reports);
    expect(files).toHaveLength(3);
    expect([mode(join(dir, 'reports')), mode(reports), ...files.map((f) => mode(join(reports, f))), mode(inventory)]).toEqual(['0700', '0700', '0600', '0600', '0600', '0600']);
  });

  it('report --output and a file that existed with wider permissions end up owner-only', async () => {
    const inventory = join(dir, 'old-inventory.jsonl');
    writeFileSync(inventory, '');
    chmodSync(inventory, 0o644);
    expect(await dutyscan(['scan', '--demo', '--format', 'json', '--output-dir', join(dir, 'json'), '--save-inventory', inventory])).toBe(5);
    const json = join(dir, 'json', readdirSync(join(dir, 'json'))[0]!);
    const html = join(dir, 'report.html');
    expect(await dutyscan(['report', '--scan', json, '--format', 'html', '--output', html])).toBe(0);
    expect([mode(inventory), mode(html)]).toEqual(['0600', '0600']);
  });

  it('the SQLite history store: its directory, history.db, -wal and -shm, also when an older dutyscan created them 0644', async () => {
    expect(process.umask() & 0o077).toBe(0o022);
    const path = join(dir, 'var/lib/dutyscan/history.db');
    const store = await openStore({ kind: 'sqlite', path });
    try {
      await store.startScan({ id: 's1', schedule: null, trigger: 'api', scopeKey: 'k', scope: { providers: ['aws'] }, startedAt: '2026-11-22T10:00:00.000Z', mutes: [] });
      expect([path, `${path}-wal`, `${path}-shm`].every(existsSync)).toBe(true);
      expect([mode(join(dir, 'var/lib/dutyscan')), mode(path), mode(`${path}-wal`), mode(`${path}-shm`)]).toEqual(['0700', '0600', '0600', '0600']);
    } finally {
      await store.close();
    }

    const old = join(dir, 'old/history.db');
    const before = await openStore({ kind: 'sqlite', path: old });
    await before.close();
    chmodSync(old, 0o644);
    const after = await openStore({ kind: 'sqlite', path: old });
    try {
      await after.startScan({ id: 's2', schedule: null, trigger: 'api', scopeKey: 'k', scope: { providers: ['aws'] }, startedAt: '2026-11-22T10:00:00.000Z', mutes: [] });
      expect([mode(old), mode(`${old}-wal`), mode(`${old}-shm`)]).toEqual(['0600', '0600', '0600']);
    } finally {
      await after.close();
    }
  });
});

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DUTIES, SEVERITIES, type AnyCheck } from '../src/core/check.js';
import { loadCatalog } from '../src/mapping/catalog.js';
import { allChecks } from '../checks/index.js';

const root = join(import.meta.dirname, '..');
const checksDir = join(root, 'checks');

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : path.endsWith('.ts') ? [path] : [];
  });
}

const isCheck = (value: unknown): value is AnyCheck =>
  typeof value === 'object' && value !== null && 'id' in value && 'kind' in value && ('assess' in value || 'assessScope' in value);

/** The check files: every module under checks/<provider>/<service>/ whose default export is a check. */
const checkFiles = await Promise.all(
  walk(checksDir)
    .filter((f) => basename(f) !== 'index.ts')
    .map(async (file) => ({ file: relative(root, file), exported: ((await import(pathToFileURL(file).href)) as { default?: unknown }).default })),
).then((modules) => modules.filter((m) => isCheck(m.exported)) as { file: string; exported: AnyCheck }[]);

const catalog = loadCatalog();

describe('the check catalogue', () => {
  it('registers exactly the check files there are, each once', () => {
    const registered = allChecks.map((c) => c.id);
    expect(new Set(registered).size).toBe(registered.length);
    expect([...registered].sort()).toEqual(checkFiles.map((m) => m.exported.id).sort());
  });

  it.each(checkFiles.map((m) => [m.file, m.exported] as const))('%s: id, path and metadata agree', (file, check) => {
    const [, provider, service] = file.split(sep);
    expect(basename(file, '.ts')).toBe(check.id);
    expect(provider).toBe(check.provider);
    expect(service).toBe(check.service);
    expect(check.id.startsWith(`${check.provider}-${check.service}-`)).toBe(true);
    expect(DUTIES).toContain(check.duty);
    expect(SEVERITIES).toContain(check.severity);
    expect(check.title.length).toBeGreaterThan(10);
    expect(check.rationale.length).toBeGreaterThan(20);
    expect(check.remediation.text.length).toBeGreaterThan(10);
  });

  it.each(allChecks.map((c) => [c.id, c] as const))('%s has a test with PASS, FAIL, ERROR and NOT_APPLICABLE cases, and NOT_ASSESSED if it can say so', (id, check) => {
    const file = checkFiles.find((m) => m.exported === check)!.file;
    const testFile = join(root, 'test', dirname(file), `${id}.test.ts`);
    expect(existsSync(testFile), `missing ${relative(root, testFile)}`).toBe(true);
    // Cases may live in a shared helper the test imports (checks that differ only in their type).
    const own = readFileSync(testFile, 'utf8');
    const helpers = [...own.matchAll(/from '(\.{1,2}\/[^']*lib\/[^']+)\.js'/g)].map((m) => readFileSync(join(dirname(testFile), `${m[1]}.ts`), 'utf8'));
    const text = [own, ...helpers].join('\n');
    for (const status of ['PASS', 'FAIL', 'ERROR', 'NOT_APPLICABLE']) expect(text, `${id} test lacks a ${status} case`).toContain(status);
    // A check that can say NOT_ASSESSED (itself or through a helper it imports) is tested saying it.
    const source = join(root, file);
    const sources = [source, ...[...readFileSync(source, 'utf8').matchAll(/from '(\.{1,2}\/[^']+)\.js'/g)].map((m) => join(dirname(source), `${m[1]}.ts`))];
    if (sources.some((s) => existsSync(s) && readFileSync(s, 'utf8').includes('ctx.notAssessed('))) expect(text, `${id} test lacks a NOT_ASSESSED case`).toContain('NOT_ASSESSED');
  });
});

describe('mappings point at checks that exist, and every check is mapped', () => {
  const ids = new Set(allChecks.map((c) => c.id));

  it('every check serves at least one obligation', () => {
    const mapped = new Set([...catalog.checksByObligation.values()].flat());
    expect(allChecks.filter((c) => !mapped.has(c.id)).map((c) => c.id)).toEqual([]);
  });

  it('no obligation mapping names a missing check', () => {
    const dangling = [...catalog.checksByObligation].flatMap(([o, checks]) => checks.filter((c) => !ids.has(c)).map((c) => `${o} -> ${c}`));
    expect(dangling).toEqual([]);
  });

  it('no framework requirement names a missing check', () => {
    const dangling = [...catalog.frameworks.values()].flatMap((f) =>
      Object.entries(f.requirements).flatMap(([r, checks]) => checks.filter((c) => !ids.has(c)).map((c) => `${f.id} ${r} -> ${c}`)),
    );
    expect(dangling).toEqual([]);
  });

  // A check cites a benchmark requirement in its references exactly when the framework file maps it there.
  it.each([
    { framework: 'cis-azure-3.0', citation: 'CIS Microsoft Azure Foundations 3.0.0 ' },
    { framework: 'cis-gcp-3.0', citation: 'CIS Google Cloud Platform Foundation 3.0.0 ' },
  ])('$framework and the checks citing it agree', ({ framework, citation }) => {
    const found = catalog.frameworks.get(framework);
    if (!found) throw new Error(`config/frameworks has no ${framework}`);
    const { provider, requirements } = found;
    expect(Object.keys(requirements).length, framework).toBeGreaterThan(0);
    const disagreeing = allChecks
      .filter((c) => c.provider === provider)
      .map((c) => ({
        check: c.id,
        mapped: Object.keys(requirements).filter((r) => requirements[r]?.includes(c.id)).sort(),
        cited: (c.references ?? []).filter((r) => r.startsWith(citation)).map((r) => r.slice(citation.length)).sort(),
      }))
      .filter((c) => c.mapped.join() !== c.cited.join());
    expect(disagreeing).toEqual([]);
  });

  it('every automated obligation has checks; every clause of every contract resolves', () => {
    for (const o of catalog.obligations.values()) {
      if (o.verification === 'automated') expect(catalog.checksByObligation.get(o.id)?.length ?? 0, o.id).toBeGreaterThan(0);
    }
    for (const contract of catalog.contracts.values()) {
      for (const clause of contract.clauses) for (const o of clause.obligations) expect(catalog.obligations.has(o), `${contract.id} ${clause.id} -> ${o}`).toBe(true);
    }
  });
});
